// Projects followed across documents: the list (name, kind, capacity, stage now, how many documents
// name it) and a page per project with its timeline of dated stages, each linked to its source line.
import type { ProjectView } from '../../monitor/projects/store.js';
import { MODALITY_LABEL, stageText, whenOf } from '../../monitor/projects/format.js';
import { html, type SafeHtml } from '../html.js';
import { t, tf, zhPart, type Lang } from '../i18n.js';
import { dataTable, sourceLink } from './common.js';

export const projectHref = (id: string): string => `/projects/${encodeURIComponent(id)}`;

/** The stage now in the page's language: the document's own words stay Chinese. */
function stage(p: ProjectView, lang: Lang): SafeHtml {
  if (lang !== 'en') return html`${stageText(p)}`;
  if (!p.stageWords) return html`${t('阶段未知', lang)}`;
  const reported = p.timeline.some((m) => m.modality === 'actual' && m.stageWords);
  return html`${t(reported ? '现阶段' : '计划', lang)}: ${zhPart(p.stageWords, lang)}${p.stageYear ? ` (${p.stageYear})` : ''}`;
}

export function projectList(projects: ProjectView[], name = '', lang: Lang = 'zh'): SafeHtml {
  const zh = (v: unknown) => zhPart(v, lang);
  const rows = projects.map((p) => [
    html`<a href="${projectHref(p.id)}">${zh(p.core)}</a>`,
    zh(p.kind),
    zh(p.capacity ?? ''),
    stage(p, lang),
    p.timeline.length ? `${whenOf(p.timeline[0])} → ${whenOf(p.timeline[p.timeline.length - 1])}` : '',
    p.documents,
    p.timeline.length,
  ]);
  return html`<form method="get" action="/projects" role="search"><label for="q">${t('按名称查找（可用简称，如“抽蓄”）', lang)}</label>
<input id="q" name="name" value="${name}"> <button type="submit">${t('查找', lang)}</button></form>
<p>${tf('共 {n} 个项目：同一项目在省、州、市的报告、规划与实施方案中的提法按核心名称归并，按年份排成时间线。', lang, { n: projects.length })}</p>
${dataTable('项目', ['项目', '类型', '规模', '阶段', '时间', '文件数', '提及次数'], rows, name ? (lang === 'en' ? `No project named with “${name}”` : `没有名称含“${name}”的项目`) : '暂无项目', lang)}`;
}

export function projectPage(p: ProjectView, lang: Lang = 'zh'): SafeHtml {
  const zh = (v: unknown) => zhPart(v, lang);
  const list = (xs: string[]) => zh(xs.join('、'));
  const rows = p.timeline.map((m) => [
    whenOf(m),
    zh(m.stageWords ?? '—'),
    t(MODALITY_LABEL[m.modality] ?? m.modality, lang),
    zh(m.capacity ?? ''),
    sourceLink(
      m.documentId,
      m.line,
      tf('{document}，第{line}行', lang, { document: zh(`${m.region && !m.document.startsWith(m.region) ? m.region : ''}${m.document}${m.date ? `（${m.date}）` : ''}`), line: m.line }),
      lang === 'en' ? undefined : m.file,
    ),
    zh(m.quote),
  ]);
  return html`<p><a href="/projects">${t('← 项目列表', lang)}</a></p>
<dl>
<dt>${t('核心名称', lang)}</dt><dd>${zh(p.core)}</dd>
<dt>${t('类型', lang)}</dt><dd>${zh(p.kind)}</dd>
${p.aliases.length ? html`<dt>${t('其他提法', lang)}</dt><dd>${list(p.aliases)}</dd>` : ''}
${p.capacity ? html`<dt>${t('规模', lang)}</dt><dd>${zh(p.capacity)}</dd>` : ''}
<dt>${t('阶段', lang)}</dt><dd>${stage(p, lang)}</dd>
${p.regions.length ? html`<dt>${t('涉及地区', lang)}</dt><dd>${list(p.regions)}</dd>` : ''}
<dt>${t('来源', lang)}</dt><dd>${tf('{documents} 份文件，{mentions} 处提及', lang, { documents: p.documents, mentions: p.timeline.length })}</dd>
</dl>
${dataTable('时间线', ['时间', '阶段', '性质', '规模', '来源', '原文'], rows, '暂无记录', lang)}`;
}
