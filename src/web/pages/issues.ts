// The 核定 page: conflicts, name drift and breaks of statistical basis found in the documents (a planner
// chooses the authoritative statement of a conflict, kept across re-ingest); the links to look at —
// figures linked by a partial name match or to no indicator — each with a form that links it by hand;
// and the form that enters an official figure with its source. Leaders and supervisors read it only.
import type { IssuesTable } from '../../store/schema.js';
import type { QueueItem } from '../../monitor/link-queue.js';
import type { IndicatorDef } from '../../monitor/registry.js';
import { html, raw, type SafeHtml } from '../html.js';
import { t, tf, zhPart, type Lang } from '../i18n.js';
import { sourceLink } from './common.js';
import { csrfField, doneMessage, errorMessage, pager } from '../admin/form.js';

const KIND: Record<string, string> = { conflict: '数值冲突', drift: '名称不一致', break: '口径变化' };

export interface IssueView {
  issue: IssuesTable;
  statements: Array<{ place: string; text: string; chosen: boolean }>;
}

export interface OfficialFigure {
  indicator: string;
  region: string;
  year: number;
  value: number;
  source?: string | null;
  reported: string | null;
}

export interface IssuesPageView {
  lang: Lang;
  csrf: string;
  /** May settle, link and enter figures (planners, administrators). */
  may: boolean;
  list: IssueView[];
  queue: { items: QueueItem[]; total: number; page: number };
  names: Map<string, string>;
  registry: IndicatorDef[];
  regions: string[];
  figures: OfficialFigure[];
  done?: string;
  /** A refused form: which one, its message, and what was typed. */
  error?: { form: string; message: string; values: Record<string, string> };
}

function settleForm(v: IssueView, p: IssuesPageView): SafeHtml {
  return html`<form method="post" action="/issues/${encodeURIComponent(v.issue.id)}/settle">${csrfField(p.csrf)}
<fieldset><legend>${t('以哪一处表述为准', p.lang)}</legend>
${v.statements.map((s, k) => html`<label><input type="radio" name="choose" value="${s.place}"${s.chosen || (!v.statements.some((x) => x.chosen) && k === 0) ? html` checked` : ''}> ${zhPart(`${s.text}（${s.place}）`, p.lang)}</label>`)}
</fieldset>
<button type="submit">${t('核定', p.lang)}</button></form>`;
}

function linkForm(i: QueueItem, p: IssuesPageView): SafeHtml {
  const typed = p.error?.form === `link:${i.subjectId}` ? p.error.values.indicator : undefined;
  const id = `l-${i.subjectId.replace(/[^\w-]/g, '_')}`;
  return html`<form method="post" action="/issues/link" class="filters">${csrfField(p.csrf)}<input type="hidden" name="subject" value="${i.subjectId}">
<label for="${id}">${t('关联到指标', p.lang)}</label><input id="${id}" name="indicator" list="registry" value="${typed ?? i.indicatorId ?? ''}" maxlength="60" size="16" required>
<button type="submit">${t('关联', p.lang)}</button></form>`;
}

function issuesTable(p: IssuesPageView): SafeHtml {
  const { lang } = p;
  const open = p.list.filter((v) => v.issue.status === 'open').length;
  return html`<p role="status">${t('共', lang)} ${p.list.length} ${t('项，其中待核定', lang)} ${open} ${t('项。', lang)}${t('同一目标的表述不一致时，状态按权威表述（指标表优先于正文）判断，核定后按核定的表述判断，重新导入文件后仍然有效。', lang)}</p>
<table><caption>${t('待核定与已核定事项', lang)}</caption>
<thead><tr><th scope="col">${t('类型', lang)}</th><th scope="col">${t('指标', lang)}</th><th scope="col">${t('地区', lang)}</th><th scope="col">${t('年份', lang)}</th><th scope="col">${t('说明', lang)}</th><th scope="col">${t('状态', lang)}</th></tr></thead>
<tbody>${p.list.map(
    (v) => html`<tr id="issue-${v.issue.id}"><td>${t(KIND[v.issue.kind] ?? v.issue.kind, lang)}</td><td>${zhPart(v.issue.indicator_id ?? '', lang)}</td><td>${zhPart(v.issue.region ?? '', lang)}</td><td>${v.issue.year ?? ''}</td>
<td>${zhPart(v.issue.detail, lang)}${p.error?.form === `settle:${v.issue.id}` ? errorMessage(p.error.message, lang) : ''}${p.may && v.statements.length ? settleForm(v, p) : ''}</td>
<td>${v.issue.status === 'open' ? t('待核定', lang) : html`${t('已核定', lang)}${tf('（{a}，{b}）', lang, { a: zhPart(v.issue.settled_by ?? '', lang), b: (v.issue.settled_at ?? '').slice(0, 10) })}`}</td></tr>\n`,
  )}</tbody></table>`;
}

function queueTable(p: IssuesPageView): SafeHtml {
  const { lang, queue } = p;
  return html`<h2 id="links">${tf('{a}（{b}）', lang, { a: t('待关联的数字', lang), b: queue.total })}</h2>
<p class="muted">${t('只按名称部分匹配关联的数字，以及没有关联到任何指标的目标和实际数。手工关联后重新生成监测数据，重新导入文件后仍然有效。', lang)}</p>
<datalist id="registry">${p.registry.map((d) => html`<option value="${d.id}" lang="zh-CN">${d.name}</option>`)}</datalist>
<div style="overflow-x:auto"><table style="min-width:640px"><caption>${t('待关联的数字', lang)}</caption>
<thead><tr><th scope="col">${t('原文', lang)}</th><th scope="col">${t('来源', lang)}</th><th scope="col">${t('当前关联', lang)}</th>${p.may ? html`<th scope="col">${t('操作', lang)}</th>` : ''}</tr></thead>
<tbody>${queue.items.map((i) => html`<tr id="link-${i.subjectId}"><td>${zhPart(i.quote, lang)}</td><td>${sourceLink(i.documentId, i.line, zhPart(`${i.documentTitle} 第 ${i.line} 行`, lang))}</td>
<td>${i.indicatorId ? html`${zhPart(p.names.get(i.indicatorId) ?? i.indicatorId, lang)}<br><small>${t('部分匹配', lang)}</small>` : html`<span class="muted">${t('未关联', lang)}</span>`}</td>
${p.may ? html`<td>${p.error?.form === `link:${i.subjectId}` ? errorMessage(p.error.message, lang) : ''}${linkForm(i, p)}</td>` : ''}</tr>`)}</tbody></table></div>
${pager(lang, '/issues', {}, queue.page, queue.page * 30 < queue.total)}`;
}

function figureForm(p: IssuesPageView): SafeHtml {
  const { lang } = p;
  const v = p.error?.form === 'actual' ? p.error.values : {};
  const input = (label: string, name: string, extra: SafeHtml = raw('')) => html`<label for="a-${name}">${t(label, lang)}</label><input id="a-${name}" name="${name}" value="${v[name] ?? ''}" required${extra}>`;
  return html`<h2 id="official">${t('录入官方数据', lang)}</h2>
<p class="muted">${t('统计公报、统计年鉴等公布的数字，注明出处；录入后按此判断目标状态。', lang)}</p>
${p.may ? html`${p.error?.form === 'actual' ? errorMessage(p.error.message, lang) : ''}<form method="post" action="/issues/actual">${csrfField(p.csrf)}
${input('指标', 'indicator', raw(' list="registry" maxlength="60"'))}
<label for="a-region">${t('地区', lang)}</label><select id="a-region" name="region">${p.regions.map((r) => html`<option${r === v.region ? raw(' selected') : ''} lang="zh-CN">${r}</option>`)}</select>
${input('年份', 'year', raw(' inputmode="numeric" maxlength="4" size="6"'))}
${input('数值（按指标的单位）', 'value', raw(' inputmode="decimal" maxlength="30" size="12"'))}
<label for="a-measure">${t('口径', lang)}</label><select id="a-measure" name="measure"><option value="level">${t('总量或水平', lang)}</option><option value="change"${v.measure === 'change' ? raw(' selected') : ''}>${t('增长率', lang)}</option></select>
${input('出处', 'source', html` maxlength="200" placeholder="${t('2025年蓝湖市国民经济和社会发展统计公报', lang)}"`)}
<p><button type="submit">${t('录入', lang)}</button></p></form>` : ''}
<table><caption>${t('最近录入的官方数据', lang)}</caption>
<thead><tr><th scope="col">${t('指标', lang)}</th><th scope="col">${t('地区', lang)}</th><th scope="col">${t('年份', lang)}</th><th scope="col">${t('数值', lang)}</th><th scope="col">${t('出处', lang)}</th><th scope="col">${t('录入日期', lang)}</th></tr></thead>
<tbody>${p.figures.length ? p.figures.map((f) => html`<tr><td>${zhPart(p.names.get(f.indicator) ?? f.indicator, lang)}</td><td>${zhPart(f.region, lang)}</td><td>${f.year}</td><td>${f.value}</td><td>${zhPart(f.source ?? '', lang)}</td><td>${f.reported ?? ''}</td></tr>`) : html`<tr><td colspan="6">${t('暂无记录', lang)}</td></tr>`}</tbody></table>`;
}

export function issuesPage(p: IssuesPageView): SafeHtml {
  return html`${doneMessage(p.done, p.lang)}
<p><a href="#links">${t('待关联的数字', p.lang)}</a> · <a href="#official">${t('录入官方数据', p.lang)}</a></p>
${issuesTable(p)}${queueTable(p)}${figureForm(p)}`;
}
