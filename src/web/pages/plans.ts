// A plan's outline: its sections as a tree, with under each section the indicators, tasks and
// projects whose source line falls in it (in the deepest section that holds the line).
import type { Project, Section } from '../../model/records.js';
import type { StatusRow } from '../../monitor/evaluate.js';
import type { DocumentsTable } from '../../store/schema.js';
import { html, raw, type SafeHtml } from '../html.js';
import { sourceLink, status } from './common.js';

export interface PlanTask {
  line: number;
  title: string;
  units: string;
  deadline: string | null;
}

export interface PlanView {
  doc: DocumentsTable;
  sections: Section[];
  targets: StatusRow[];
  tasks: PlanTask[];
  projects: Project[];
  /** Projects followed across documents that this plan names, by the line that names them. */
  followed?: Array<{ line: number; id: string; core: string }>;
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

/** Links to the pages of the followed projects a 专栏 group names. */
function followedOf(p: Project, followed: PlanView['followed'] = []): SafeHtml {
  const lines = new Set([p.line, ...p.parts.map((x) => x.line)]);
  const here = [...new Map(followed.filter((f) => lines.has(f.line)).map((f) => [f.id, f])).values()];
  return here.length ? html`；跟踪项目：${here.map((f, i) => html`${i ? '、' : ''}<a href="/projects/${encodeURIComponent(f.id)}">${f.core}</a>`)}` : html``;
}

function itemsBlock(doc: string, it: Items | undefined, followed?: PlanView['followed']): SafeHtml {
  if (!it || (!it.targets.length && !it.tasks.length && !it.projects.length)) return html``;
  return html`<ul class="items">
${it.targets.map(
  (t) =>
    html`<li>指标：<a href="/indicators/${encodeURIComponent(t.indicatorId)}">${t.indicator}</a>${t.unit ? `（${t.unit}）` : ''} ${t.region} ${t.year}年 目标 ${sourceLink(doc, t.source.line, t.target)} ${status(t.status)}</li>\n`,
)}${it.tasks.map(
    (t) => html`<li>任务：${sourceLink(doc, t.line, t.title)}${t.units ? html`；责任单位：${t.units}` : ''}${t.deadline ? html`；时限：${t.deadline}` : ''}</li>\n`,
  )}${it.projects.map((p) => html`<li>项目：${sourceLink(doc, p.line, `${p.ordinal ?? ''}${p.name}`)}（${p.box}）${p.content}${followedOf(p, followed)}</li>\n`)}</ul>`;
}

function tree(doc: string, sections: Section[], items: Map<string, Items>, depth: number, path = '', followed?: PlanView['followed']): SafeHtml {
  if (!sections.length) return html``;
  return html`<ul class="outline">${sections.map((s, i) => {
    const p = `${path}/${i}`;
    const head = html`${s.ordinal ? `${s.ordinal} ` : ''}${sourceLink(doc, s.lines[0], s.title)} <span class="muted">（第${s.lines[0]}–${s.lines[1]}行）</span>`;
    return html`<li>${heading(depth + 1, head)}
${itemsBlock(doc, items.get(p), followed)}${tree(doc, s.children, items, depth + 1, p, followed)}</li>\n`;
  })}</ul>`;
}

/** A heading of level 2–6 (the level is a number computed here, never input). */
function heading(level: number, content: SafeHtml): SafeHtml {
  const n = Math.max(2, Math.min(6, Math.trunc(level)));
  return html`${raw(`<h${n}>`)}${content}${raw(`</h${n}>`)}`;
}

export function planPage(v: PlanView): SafeHtml {
  const items = new Map<string, Items>();
  const at = (line: number | null) => {
    const k = place(v.sections, line) ?? '';
    if (!items.has(k)) items.set(k, { targets: [], tasks: [], projects: [] });
    return items.get(k)!;
  };
  for (const t of v.targets) at(t.source.line).targets.push(t);
  for (const t of v.tasks) at(t.line).tasks.push(t);
  for (const p of v.projects) at(p.line).projects.push(p);
  const doc = v.doc.id;
  const outside = items.get('');
  return html`<p><a href="/documents">← 文件列表</a> · <a href="/documents/${encodeURIComponent(doc)}">查看原文</a></p>
<p>指标目标 ${v.targets.length} 项，任务 ${v.tasks.length} 项，项目 ${v.projects.length} 个。</p>
${outside ? html`<section aria-labelledby="outside"><h2 id="outside">未归入章节的内容</h2>${itemsBlock(doc, outside, v.followed)}</section>` : ''}
${v.sections.length ? html`<section aria-label="提纲">${tree(doc, v.sections, items, 1, '', v.followed)}</section>` : html`<p class="muted">该文件未识别出章节。</p>`}`;
}
