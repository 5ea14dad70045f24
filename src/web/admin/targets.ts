// 目标责任单位 (planners, administrators): the targets with the units that answer for them — those the
// task-division plans name and those a planner assigned — found by indicator, region and year; and a
// target's page with the form that assigns units (the department then reports on it, in the web forms
// and in the 指标 sheet of its Excel workbook).
import { html, raw, type SafeHtml } from '../html.js';
import { t, tf, zhPart, type Lang } from '../i18n.js';
import type { Viewer } from '../layout.js';
import type { TargetItem } from '../../server/routes/workflow/data.js';
import { sourceLink } from '../pages/common.js';
import { adminNav, csrfField, doneMessage, errorMessage, pager } from './form.js';

export interface TargetsView {
  viewer: Viewer;
  lang: Lang;
  q: { q?: string; region?: string; year?: string; unassigned?: string; page: number };
  regions: string[];
  rows: TargetItem[];
  assigned: Map<string, string[]>;
  more: boolean;
  total: number;
}

const units = (lang: Lang, item: TargetItem, assigned: string[]) =>
  item.units.length ? item.units.map((u, i) => html`${i ? t('、', lang) : ''}${zhPart(u, lang)}${assigned.includes(u) ? html`<small>${tf('（{a}）', lang, { a: t('指定', lang) })}</small>` : ''}`) : html`<span class="muted">${t('未明确', lang)}</span>`;

export function targetsPage(v: TargetsView): SafeHtml {
  const { lang, q } = v;
  return html`${adminNav(v.viewer, lang, '/admin/targets')}
<p class="muted">${t('分工方案中任务的责任单位自动成为其下指标目标的责任单位；在此可为目标另行指定责任单位，指定后该单位可在网页和 Excel 填报表中报送此目标。', lang)}</p>
<form method="get" action="/admin/targets" class="filters" role="search">
<label for="t-q">${t('指标', lang)}</label><input id="t-q" name="q" value="${q.q ?? ''}" maxlength="60">
<label for="t-region">${t('地区', lang)}</label><select id="t-region" name="region"><option value="">${t('全部', lang)}</option>${v.regions.map((r) => html`<option${r === q.region ? raw(' selected') : ''} lang="zh-CN">${r}</option>`)}</select>
<label for="t-year">${t('年份', lang)}</label><input id="t-year" name="year" value="${q.year ?? ''}" inputmode="numeric" maxlength="4" size="5">
<label><input type="checkbox" name="unassigned" value="1"${q.unassigned ? raw(' checked') : ''}> ${t('只看没有责任单位的', lang)}</label>
<button type="submit">${t('查找', lang)}</button></form>
<table><caption>${tf('{a}（{b}）', lang, { a: t('指标目标', lang), b: v.total })}</caption>
<thead><tr><th scope="col">${t('目标', lang)}</th><th scope="col">${t('地区', lang)}</th><th scope="col">${t('来源', lang)}</th><th scope="col">${t('责任单位', lang)}</th></tr></thead>
<tbody>${v.rows.map((r) => html`<tr><td><a href="/admin/targets/${encodeURIComponent(r.id)}">${zhPart(r.title, lang)}</a>${lang === 'en' && !r.indicatorId.startsWith('m:') ? html` <code>${r.indicatorId}</code> ${r.year}` : ''}</td><td>${zhPart(r.region, lang)}</td><td>${sourceLink(r.documentId, r.line, zhPart(r.documentTitle, lang))}</td><td>${units(lang, r, v.assigned.get(r.id) ?? [])}</td></tr>`)}</tbody></table>
${pager(lang, '/admin/targets', { q: q.q, region: q.region, year: q.year, unassigned: q.unassigned }, q.page, v.more)}`;
}

export interface TargetView {
  viewer: Viewer;
  lang: Lang;
  csrf?: string;
  target: TargetItem;
  planned: string[];
  assigned: string[];
  catalogue: string[];
  done?: string;
  error?: string;
}

export function targetPage(v: TargetView): SafeHtml {
  const { lang, target: r } = v;
  return html`${adminNav(v.viewer, lang, '/admin/targets')}${doneMessage(v.done, lang)}
<p><a href="/admin/targets">${t('返回目标列表', lang)}</a> · <a href="/indicators/${encodeURIComponent(r.indicatorId)}">${t('指标页', lang)}</a></p>
<h2>${zhPart(r.title, lang)}</h2>
<dl><dt>${t('地区', lang)}</dt><dd>${zhPart(r.region, lang)}</dd><dt>${t('来源', lang)}</dt><dd>${sourceLink(r.documentId, r.line, zhPart(`${r.documentTitle}${r.line ? ` 第 ${r.line} 行` : ''}`, lang))}</dd>
<dt>${t('分工方案确定的责任单位', lang)}</dt><dd>${v.planned.length ? zhPart(v.planned.join('、'), lang) : t('未明确', lang)}</dd></dl>
${errorMessage(v.error, lang)}
<form method="post" action="/admin/targets/${encodeURIComponent(r.id)}">${csrfField(v.csrf)}
<label for="f-units">${t('另行指定的责任单位', lang)}</label><small class="muted" id="units-hint" style="display:block">${t('按住 Ctrl 或 ⌘ 可多选；全部取消即撤销指定', lang)}</small>
<select id="f-units" name="units" multiple size="10" aria-describedby="units-hint" style="max-width:100%">${v.catalogue.map((u) => html`<option value="${u}"${v.assigned.includes(u) ? raw(' selected') : ''} lang="zh-CN">${u}</option>`)}</select>
<p><button type="submit">${t('保存责任单位', lang)}</button></p></form>`;
}
