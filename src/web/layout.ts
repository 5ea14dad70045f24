// The page frame: semantic landmarks, a skip link, navigation by role, the language switch, and a
// stylesheet with WCAG 2.1 AA contrast that works at 1366×768 and at phone width. The language is in
// the URL (?lang=en) so that a page can be shared: on an English page every link of this site and every
// GET form keeps it (withLang, keepLang), and the switch keeps the current path and query.
import { html, raw, type SafeHtml } from './html.js';
import { HAN, t, zhPart, type Lang } from './i18n.js';

export interface Viewer {
  id: string;
  username: string;
  displayName: string;
  role: 'admin' | 'planner' | 'department' | 'supervisor' | 'leader';
  units: string[];
}

export interface PageContext {
  viewer?: Viewer;
  csrf?: string;
  lang: Lang;
  /** The route (its pattern, /documents/:id) for the navigation's current page. */
  path: string;
  /** The URL asked for, with its query (for the language switch). */
  url?: string;
  notifications?: number;
}

/** A link of this site in the page's language: `?lang=en` added on English pages (fragment kept last). */
export function withLang(href: string, lang: Lang): string {
  if (lang !== 'en' || !href.startsWith('/') || href.startsWith('//') || /[?&]lang=/.test(href)) return href;
  const hash = href.indexOf('#');
  const [path, frag] = hash < 0 ? [href, ''] : [href.slice(0, hash), href.slice(hash)];
  return `${path}${path.includes('?') ? '&' : '?'}lang=en${frag}`;
}

/** The same URL in the other language: path and query kept, `lang` replaced. */
export function switchHref(url: string, lang: Lang): string {
  const u = new URL(url, 'http://lantu.invalid');
  u.searchParams.set('lang', lang);
  return u.pathname + u.search;
}

/**
 * An English page keeps its language on every link of this site (href="/…", escaped or not) and every
 * GET form (a hidden lang field), whichever module wrote them; assets are left alone.
 */
export function keepLang(page: string, lang: Lang): string {
  if (lang !== 'en') return page;
  return page
    .replace(/\bhref="(\/(?!\/|assets\/)(?:&#\d+;|[^"#])*)(#[^"]*)?"/g, (m, path: string, frag = '') =>
      /[?&;]lang(=|&#61;)/.test(path) ? m : `href="${path}${path.includes('?') ? '&amp;' : '?'}lang=en${frag}"`)
    .replace(/(<form\b[^>]*\bmethod="get"[^>]*>)/gi, '$1<input type="hidden" name="lang" value="en">');
}

/** A page's heading: a word of the interface (translated) and/or its subject (a title, a name, a query) kept as written. */
export interface Heading {
  label?: string;
  subject?: string;
}

const CSS = `
:root{--fg:#1a1a1a;--muted:#4a4a4a;--bg:#fff;--line:#c8c8c8;--accent:#0b5cad;--ok:#1b6e20;--warn:#8a5300;--bad:#b00020;--soft:#f3f6fa}
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,"Noto Sans CJK SC","WenQuanYi Zen Hei","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #ffbf47;outline-offset:1px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:9}
header{background:#0b3d6e;color:#fff;padding:8px 16px;display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center}
header a{color:#fff}header .brand{font-weight:700;font-size:1.1rem;text-decoration:none}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
main{max-width:1280px;margin:0 auto;padding:16px}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--soft)}caption{text-align:left;font-weight:600;padding:4px 0}
.status{display:inline-block;padding:0 6px;border-radius:3px;font-weight:600;white-space:nowrap}
.s-achieved,.s-on_track{background:#e3f1e4;color:var(--ok)}.s-at_risk{background:#fff1d6;color:var(--warn)}.s-off_track,.s-missed{background:#fde4e7;color:var(--bad)}
.s-no_data,.s-not_assessable{background:#ececec;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:8px 0}.filters button,.filters label{margin:0}.pager{margin:8px 0}.pager a{margin-left:8px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px}
.card strong{font-size:1.6rem;display:block}
input,select,textarea{max-width:100%}a.card{text-decoration:none;color:inherit}a.card:hover strong{text-decoration:underline}
form.inline{display:inline}label{display:block;font-weight:600;margin-top:8px}input,select,textarea,button{font:inherit;padding:4px 8px}
button{background:var(--accent);color:#fff;border:0;border-radius:4px;padding:6px 14px;cursor:pointer}
.muted{color:var(--muted)}.error{color:var(--bad);font-weight:600}.notice{background:var(--soft);padding:8px 12px;border-left:4px solid var(--accent)}
pre.doc{white-space:pre-wrap;font:14px/1.7 ui-monospace,monospace}pre.doc .ln{color:var(--muted);user-select:none;display:inline-block;width:4em}
pre.doc mark{background:#fff3a8}pre.doc :target{background:#dbeafe}
.table-scroll{overflow-x:auto;max-width:100%;margin:8px 0 16px}.table-scroll table{margin:0}
input,select,textarea{max-width:100%}img,svg,canvas,pre{max-width:100%}main{overflow-wrap:break-word}
@media (max-width:640px){main{padding:8px}.status{white-space:normal}header{padding:8px}header .who{display:flex;flex-wrap:wrap;gap:4px 12px;align-items:center}th,td{padding:4px}
.table-scroll th,.table-scroll td{min-width:6em}.table-scroll th[scope=row]{min-width:9em}}
`;

const NAV: Array<[string, string, Viewer['role'][] | 'all' | 'public']> = [
  ['/my', '我的任务', ['department']],
  ['/', '总览', ['admin', 'planner', 'supervisor', 'leader']],
  ['/?view=overview', '总览', ['department']],
  ['/indicators', '指标', 'all'],
  ['/documents', '文件', 'all'],
  ['/projects', '项目', 'all'],
  ['/departments', '部门', 'all'],
  ['/review', '审核', ['admin', 'planner']],
  ['/supervision', '督查', ['admin', 'supervisor', 'leader', 'planner']],
  ['/notifications', '提醒', 'all'],
  ['/reports', '报告', ['admin', 'planner', 'leader', 'supervisor']],
  ['/issues', '核定', ['admin', 'planner', 'leader', 'supervisor']],
  ['/search', '搜索', 'all'],
  ['/admin', '管理', ['admin', 'planner']], ['/account', '账户', 'all'],
  ['/public', '公开', 'public'],
];

const ROLE: Record<Viewer['role'], string> = { admin: '管理员', planner: '发改委', department: '部门', supervisor: '督查室', leader: '领导' };

/** The page around its body, in two parts: before the body and after it. */
function frameOf(ctx: PageContext, heading: string | Heading): [string, string] {
  const v = ctx.viewer;
  const lang = ctx.lang;
  const { label, subject } = typeof heading === 'string' ? { label: heading, subject: undefined } : heading;
  const en = lang === 'en';
  const sep = en ? ': ' : '：';
  const word = label ? t(label, lang) : '';
  const title = [word, subject].filter(Boolean).join(sep);
  // the subject (a document's title, a name, a query) is content: marked Chinese on an English page
  const h1 = html`${word}${word && subject ? sep : ''}${subject ? zhPart(subject, lang) : ''}`;
  const links = NAV.filter(([, , who]) => who === 'public' || (v && (who === 'all' || who.includes(v.role))));
  const other: Lang = en ? 'zh' : 'en';
  const frame = html`<!doctype html>
<html lang="${en ? 'en' : 'zh-CN'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${t('蓝图', lang)}</title><style>${raw(CSS)}</style></head>
<body>
<a class="skip" href="#main">${t('跳到正文', lang)}</a>
<header>
<a class="brand" href="${v ? '/' : '/public'}">${t('蓝图', lang)} · ${t('规划实施监测评估系统', lang)}</a>
<nav aria-label="${t('主导航', lang)}"><ul>${links.map(([href, label]) => html`<li><a href="${href}"${ctx.path === href ? raw(' aria-current="page"') : ''}>${t(label, lang)}${href === '/notifications' && ctx.notifications ? html` <strong>${ctx.notifications}</strong>` : ''}</a></li>`)}</ul></nav>
<div class="who">${v ? html`<span>${zhPart(v.displayName, lang)}${en ? ' (' : '（'}${t(ROLE[v.role], lang)}${en ? ')' : '）'}</span>
<form class="inline" method="post" action="/logout"><input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}"><button type="submit">${t('退出', lang)}</button></form>` : html`<a href="/login">${t('登录', lang)}</a>`}
<a href="${switchHref(ctx.url ?? ctx.path, other)}" lang="${other === 'en' ? 'en' : 'zh-CN'}" hreflang="${other === 'en' ? 'en' : 'zh-CN'}">${other === 'en' ? 'English' : '中文'}</a></div>
</header>
<main id="main" tabindex="-1"><h1>${h1}</h1>
${raw(BODY)}
</main>
</body></html>`;
  return keepLang(frame.value, lang).split(BODY) as [string, string];
}

export function page(ctx: PageContext, heading: string | Heading, body: SafeHtml): SafeHtml {
  const [before, after] = frameOf(ctx, heading);
  return raw(before + readyBody(body, ctx.lang).value + after);
}

/** The page as UTF-8 bytes around a body made ready once: a kept body is not encoded again for every request. */
export function pageBytes(ctx: PageContext, heading: string | Heading, body: ReadyBody): Buffer {
  const [before, after] = frameOf(ctx, heading);
  return Buffer.concat([Buffer.from(before), body.bytes, Buffer.from(after)]);
}

/** Where the body goes in the frame while the frame's links are kept in the language. */
const BODY = '\u0000body\u0000';

/** A page's body made ready for its frame (tables boxed, links kept in the language): done once for a body kept between requests. */
export class ReadyBody {
  private encoded?: Buffer;
  constructor(readonly value: string) {}
  /** The body in UTF-8, encoded once. */
  get bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.value));
  }
}

export function readyBody(body: SafeHtml, lang: Lang): ReadyBody {
  return new ReadyBody(keepLang(scrollTables(body.value, lang), lang));
}

/**
 * Every table of a page in a box of its own that scrolls sideways when the table is wider than the
 * screen (a phone), so the page itself never is; the box is a named, focusable region so that a
 * keyboard can scroll it too (axe: scrollable-region-focusable).
 */
export function scrollTables(page: string, lang: Lang): string {
  let n = 0;
  const names = new Set<string>();
  return page.replace(/(<div class="table-scroll"[^>]*>\s*)?(<table\b[\s\S]*?<\/table>)/g, (m, boxed: string | undefined, table: string) => {
    if (boxed) return m;
    n++;
    // named by its caption (its text: escaped already), else "table n"
    const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption>/.exec(table)?.[1].replace(/<[^>]*>/g, '').replace(/"/g, '&#34;').trim();
    const name = caption && !names.has(caption) ? caption : `${caption || t('表格', lang)} ${n}`; // landmarks are named uniquely
    names.add(name);
    // on an English page a caption with Chinese parts (a name, a title) names the box by reference, so
    // that its Chinese keeps its lang="zh" marking
    if (lang === 'en' && caption && HAN.test(caption) && !names.has(`#${caption}`)) {
      names.add(`#${caption}`);
      const id = /<caption\b[^>]*\bid="([^"]+)"/.exec(table)?.[1] ?? `table-caption-${n}`;
      const labelled = table.replace(/<caption\b(?![^>]*\bid=)/, `<caption id="${id}"`);
      return `<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${id}">${labelled}</div>`;
    }
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${name}">${table}</div>`;
  });
}

export function statusBadge(status: string, label: string): SafeHtml {
  return html`<span class="status s-${status}">${label}</span>`;
}
