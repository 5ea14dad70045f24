// A plan at a glance and as its outline: the statuses of its targets as tiles (linked to the list),
// each chapter's progress (targets, tasks with their reported progress, 专栏 projects), then the
// sections as a tree with under each the indicators, tasks and projects whose source line falls in it.
import type { Project, Section } from '../../model/records.js';
import type { StatusRow } from '../../monitor/evaluate.js';
import { html, raw, type SafeHtml } from '../html.js';
import { t, type Lang } from '../i18n.js';
import { GLANCE_CSS, hrefIn, legend, paren, srcLink, statusBar, statusOf, statusTiles, tableIn, tf, zh, type Counts } from './glance-parts.js';

export interface PlanTask {
  line: number;
  title: string;
  units: string;
  deadline: string | null;
  /** The latest approved progress (%), null when none was reported. */
  progress: number | null;
}

export interface PlanView {
  lang: Lang;
  doc: { id: string; name: string };
  sections: Section[];
  targets: StatusRow[];
  tasks: PlanTask[];
  projects: Project[];
  /** Projects followed across documents that this plan names, by the line that names them, with their stage now. */
  followed?: Array<{ line: number; id: string; core: string; stage_words?: string | null; stage_year?: number | null }>;
}

interface Items {
  targets: StatusRow[];
  tasks: PlanTask[];
  projects: Project[];
}

const inSpan = (s: Section, line: number | null) => line !== null && line >= s.lines[0] && line <= s.lines[1];

/** The deepest section whose span holds the line, by path of indexes ('' when none). */
function place(sections: Section[], line: number | null, path = ''): string | undefined {
  for (const [i, s] of sections.entries()) if (inSpan(s, line)) return place(s.children, line, `${path}/${i}`) ?? `${path}/${i}`;
  return undefined;
}

const colon = (lang: Lang) => (lang === 'en' ? ': ' : '：');
const sep = (lang: Lang) => (lang === 'en' ? '; ' : '；');

/** Links to the pages of the followed projects a 专栏 group names, with their stage now. */
function followedOf(p: Project, lang: Lang, followed: PlanView['followed'] = []): SafeHtml {
  const lines = new Set([p.line, ...p.parts.map((x) => x.line)]);
  const here = [...new Map(followed.filter((f) => lines.has(f.line)).map((f) => [f.id, f])).values()];
  return here.length
    ? html`${sep(lang)}${t('跟踪项目', lang)}${colon(lang)}${here.map((f, i) => html`${i ? (lang === 'en' ? ', ' : '、') : ''}<a href="${hrefIn(`/projects/${encodeURIComponent(f.id)}`, lang)}">${zh(f.core, lang)}</a>${f.stage_words ? paren(html`${zh(f.stage_words, lang)}${f.stage_year ? ` ${f.stage_year}` : ''}`, lang) : ''}`)}`
    : html``;
}

function itemsBlock(doc: string, it: Items | undefined, lang: Lang, followed?: PlanView['followed']): SafeHtml {
  if (!it || (!it.targets.length && !it.tasks.length && !it.projects.length)) return html``;
  const c = colon(lang);
  return html`<ul class="items">
${it.targets.map(
  (x) =>
    html`<li>${t('指标', lang)}${c}<a href="${hrefIn(`/indicators/${encodeURIComponent(x.indicatorId)}`, lang)}">${zh(x.indicator, lang)}</a>${x.unit ? paren(zh(x.unit, lang), lang) : ''} ${zh(x.region, lang)} ${tf('{year}年', lang, { year: x.year })} ${t('目标', lang)} ${srcLink(doc, x.source.line, zh(x.target, lang), lang)} ${statusOf(x.status, lang)}</li>\n`,
)}${it.tasks.map(
    (x) =>
      html`<li>${t('任务', lang)}${c}${srcLink(doc, x.line, zh(x.title, lang), lang)}${x.units ? html`${sep(lang)}${t('责任单位', lang)}${c}${zh(x.units, lang)}` : ''}${x.deadline ? html`${sep(lang)}${t('时限', lang)}${c}${zh(x.deadline, lang)}` : ''}${sep(lang)}${x.progress === null ? html`<span class="muted">${t('尚无进度报告', lang)}</span>` : html`${t('进度', lang)} <strong>${x.progress}%</strong>`}</li>\n`,
  )}${it.projects.map((p) => html`<li>${t('项目', lang)}${c}${srcLink(doc, p.line, zh(`${p.ordinal ?? ''}${p.name}`, lang), lang)}${paren(zh(p.box, lang), lang)}${zh(p.content, lang)}${followedOf(p, lang, followed)}</li>\n`)}</ul>`;
}

function tree(doc: string, sections: Section[], items: Map<string, Items>, depth: number, lang: Lang, path = '', followed?: PlanView['followed']): SafeHtml {
  if (!sections.length) return html``;
  return html`<ul class="outline">${sections.map((s, i) => {
    const p = `${path}/${i}`;
    const head = html`${s.ordinal ? zh(`${s.ordinal} `, lang) : ''}${srcLink(doc, s.lines[0], zh(s.title, lang), lang)} <span class="muted">${tf('（第{from}–{to}行）', lang, { from: s.lines[0], to: s.lines[1] })}</span>`;
    return html`<li${depth === 1 ? raw(` id="ch${i}" class="chapter"`) : ''}>${heading(depth + 1, head)}
${itemsBlock(doc, items.get(p), lang, followed)}${tree(doc, s.children, items, depth + 1, lang, p, followed)}</li>\n`;
  })}</ul>`;
}

/** A heading of level 2–6 (the level is a number computed here, never input). */
function heading(level: number, content: SafeHtml): SafeHtml {
  const n = Math.max(2, Math.min(6, Math.trunc(level)));
  return html`${raw(`<h${n}>`)}${content}${raw(`</h${n}>`)}`;
}

/** Everything under a path of the tree (the path itself and all its descendants). */
function under(items: Map<string, Items>, path: string): Items {
  const out: Items = { targets: [], tasks: [], projects: [] };
  for (const [k, it] of items)
    if (k === path || k.startsWith(`${path}/`)) {
      out.targets.push(...it.targets);
      out.tasks.push(...it.tasks);
      out.projects.push(...it.projects);
    }
  return out;
}

const countsOf = (rows: StatusRow[]): Counts => rows.reduce<Counts>((c, r) => ((c[r.status] = (c[r.status] ?? 0) + 1), c), {});

/** How far the tasks are: how many reported, and their mean progress. */
function tasksText(tasks: PlanTask[], lang: Lang): string {
  if (!tasks.length) return '—';
  const reported = tasks.filter((x) => x.progress !== null);
  const mean = reported.length ? Math.round(reported.reduce((a, x) => a + x.progress!, 0) / reported.length) : null;
  return tf(mean === null ? '{n} 项，尚无进度报告' : '{n} 项，{m} 项已报进度，平均 {mean}%', lang, { n: tasks.length, m: reported.length, mean: mean ?? '' });
}

function chapters(v: PlanView, items: Map<string, Items>): SafeHtml {
  const { lang } = v;
  const rows = v.sections.map((s, i) => ({ s, i, it: under(items, `/${i}`) })).filter((r) => r.it.targets.length || r.it.tasks.length || r.it.projects.length);
  if (!rows.length) return html``;
  return tableIn(
    lang,
    t('各章进展', lang),
    ['章节', '指标目标', '任务', '项目'],
    rows.map((r) => [html`<a href="#ch${r.i}">${zh(`${r.s.ordinal ? `${r.s.ordinal} ` : ''}${r.s.title}`, lang)}</a>`, r.it.targets.length ? statusBar(countsOf(r.it.targets), lang) : '—', tasksText(r.it.tasks, lang), r.it.projects.length || '—']),
  );
}

export function planPage(v: PlanView): SafeHtml {
  const { lang } = v;
  const items = new Map<string, Items>();
  const at = (line: number | null) => {
    const k = place(v.sections, line) ?? '';
    if (!items.has(k)) items.set(k, { targets: [], tasks: [], projects: [] });
    return items.get(k)!;
  };
  for (const x of v.targets) at(x.source.line).targets.push(x);
  for (const x of v.tasks) at(x.line).tasks.push(x);
  for (const p of v.projects) at(p.line).projects.push(p);
  const doc = v.doc.id;
  const outside = items.get('');
  const plan = encodeURIComponent(doc);
  return html`${GLANCE_CSS}${lang === 'en' ? html`<p class="lead">${zh(v.doc.name, lang)}</p>` : ''}
<p><a href="${hrefIn('/documents', lang)}">← ${t('文件列表', lang)}</a> · <a href="${hrefIn(`/documents/${plan}`, lang)}">${t('查看原文', lang)}</a> · <a href="${hrefIn(`/indicators?plan=${plan}`, lang)}">${t('本规划的指标', lang)}</a> · <a href="${hrefIn(`/public/plans/${plan}`, lang)}">${t('公开页面', lang)}</a></p>
<section aria-labelledby="h-glance"><h2 id="h-glance">${t('进展概况', lang)}</h2>
<p>${tf('指标目标 {targets} 项，任务 {tasks} 项，项目 {projects} 个。', lang, { targets: v.targets.length, tasks: v.tasks.length, projects: v.projects.length })} ${v.tasks.length ? `${t('任务', lang)}${colon(lang)}${tasksText(v.tasks, lang)}` : ''}</p>
${v.targets.length ? statusTiles(countsOf(v.targets), lang, (s) => `/indicators?plan=${plan}&status=${s}`) : ''}
${legend(lang)}
${chapters(v, items)}
</section>
${outside ? html`<section aria-labelledby="outside"><h2 id="outside">${t('未归入章节的内容', lang)}</h2>${itemsBlock(doc, outside, lang, v.followed)}</section>` : ''}
${v.sections.length ? html`<section aria-label="${t('提纲', lang)}">${tree(doc, v.sections, items, 1, lang, '', v.followed)}</section>` : html`<p class="muted">${t('该文件未识别出章节。', lang)}</p>`}`;
}
