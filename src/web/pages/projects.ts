// Projects followed across documents: the list (name, kind, capacity, stage now, how many documents
// name it) and a page per project with its timeline of dated stages, each linked to its source line.
import type { ProjectView } from '../../monitor/projects/store.js';
import { MODALITY_LABEL, stageText, whenOf } from '../../monitor/projects/format.js';
import { html, type SafeHtml } from '../html.js';
import { dataTable, sourceLink } from './common.js';

export const projectHref = (id: string): string => `/projects/${encodeURIComponent(id)}`;

export function projectList(projects: ProjectView[], name = ''): SafeHtml {
  const rows = projects.map((p) => [
    html`<a href="${projectHref(p.id)}">${p.core}</a>`,
    p.kind,
    p.capacity ?? '',
    stageText(p),
    p.timeline.length ? `${whenOf(p.timeline[0])} → ${whenOf(p.timeline[p.timeline.length - 1])}` : '',
    p.documents,
    p.timeline.length,
  ]);
  return html`<form method="get" action="/projects" role="search"><label for="q">按名称查找（可用简称，如“抽蓄”）</label>
<input id="q" name="name" value="${name}"> <button type="submit">查找</button></form>
<p>共 ${projects.length} 个项目：同一项目在省、州、市的报告、规划与实施方案中的提法按核心名称归并，按年份排成时间线。</p>
${dataTable('项目', ['项目', '类型', '规模', '阶段', '时间', '文件数', '提及次数'], rows, name ? `没有名称含“${name}”的项目` : '暂无项目')}`;
}

export function projectPage(p: ProjectView): SafeHtml {
  const rows = p.timeline.map((m) => [
    whenOf(m),
    m.stageWords ?? '—',
    MODALITY_LABEL[m.modality] ?? m.modality,
    m.capacity ?? '',
    sourceLink(m.documentId, m.line, `${m.region && !m.document.startsWith(m.region) ? m.region : ''}${m.document}${m.date ? `（${m.date}）` : ''}，第${m.line}行`, m.file),
    m.quote,
  ]);
  return html`<p><a href="/projects">← 项目列表</a></p>
<dl>
<dt>核心名称</dt><dd>${p.core}</dd>
<dt>类型</dt><dd>${p.kind}</dd>
${p.aliases.length ? html`<dt>其他提法</dt><dd>${p.aliases.join('、')}</dd>` : ''}
${p.capacity ? html`<dt>规模</dt><dd>${p.capacity}</dd>` : ''}
<dt>阶段</dt><dd>${stageText(p)}</dd>
${p.regions.length ? html`<dt>涉及地区</dt><dd>${p.regions.join('、')}</dd>` : ''}
<dt>来源</dt><dd>${p.documents} 份文件，${p.timeline.length} 处提及</dd>
</dl>
${dataTable('时间线', ['时间', '阶段', '性质', '规模', '来源', '原文'], rows)}`;
}
