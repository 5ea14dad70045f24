// The page frame: semantic landmarks, a skip link, navigation by role, the language switch, and a
// stylesheet with WCAG 2.1 AA contrast that works at 1366×768 and at phone width.
import { html, raw, type SafeHtml } from './html.js';
import { t, type Lang } from './i18n.js';

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
  path: string;
  notifications?: number;
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
form.inline{display:inline}label{display:block;font-weight:600;margin-top:8px}input,select,textarea,button{font:inherit;padding:4px 8px}
button{background:var(--accent);color:#fff;border:0;border-radius:4px;padding:6px 14px;cursor:pointer}
.muted{color:var(--muted)}.error{color:var(--bad);font-weight:600}.notice{background:var(--soft);padding:8px 12px;border-left:4px solid var(--accent)}
pre.doc{white-space:pre-wrap;font:14px/1.7 ui-monospace,monospace}pre.doc .ln{color:var(--muted);user-select:none;display:inline-block;width:4em}
pre.doc mark{background:#fff3a8}pre.doc :target{background:#dbeafe}
@media (max-width:640px){main{padding:8px}table{display:block;overflow-x:auto}header{padding:8px}}
`;

const NAV: Array<[string, string, Viewer['role'][] | 'all' | 'public']> = [
  ['/', '总览', 'all'],
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

export function page(ctx: PageContext, zhTitle: string, body: SafeHtml): SafeHtml {
  const v = ctx.viewer;
  const title = t(zhTitle, ctx.lang);
  const links = NAV.filter(([, , who]) => who === 'public' || (v && (who === 'all' || who.includes(v.role))));
  const other: Lang = ctx.lang === 'zh' ? 'en' : 'zh';
  return html`<!doctype html>
<html lang="${ctx.lang === 'zh' ? 'zh-CN' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${t('蓝图', ctx.lang)}</title><style>${raw(CSS)}</style></head>
<body>
<a class="skip" href="#main">${t('跳到正文', ctx.lang)}</a>
<header>
<a class="brand" href="${v ? '/' : '/public'}">${t('蓝图', ctx.lang)} · ${t('规划实施监测评估系统', ctx.lang)}</a>
<nav aria-label="主导航"><ul>${links.map(([href, label]) => html`<li><a href="${href}"${ctx.path === href ? raw(' aria-current="page"') : ''}>${t(label, ctx.lang)}${href === '/notifications' && ctx.notifications ? html` <strong>${ctx.notifications}</strong>` : ''}</a></li>`)}</ul></nav>
<div>${v ? html`<span>${v.displayName}（${v.role}）</span>
<form class="inline" method="post" action="/logout"><input type="hidden" name="_csrf" value="${ctx.csrf ?? ''}"><button type="submit">${t('退出', ctx.lang)}</button></form>` : html`<a href="/login">${t('登录', ctx.lang)}</a>`}
<a href="?lang=${other}" lang="${other === 'en' ? 'en' : 'zh-CN'}">${other === 'en' ? 'English' : '中文'}</a></div>
</header>
<main id="main" tabindex="-1"><h1>${title}</h1>
${body}
</main>
</body></html>`;
}

export function statusBadge(status: string, label: string): SafeHtml {
  return html`<span class="status s-${status}">${label}</span>`;
}
