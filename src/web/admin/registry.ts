// 指标库 (planners, administrators): the registry's indicators with unit, direction and synonyms, found by
// a word; and an indicator's form — name, synonyms one a line, direction — whose saving rebuilds the
// monitoring data. A refused form comes back with what was typed.
import { html, raw, type SafeHtml } from '../html.js';
import { t, tf, zhPart, type Lang } from '../i18n.js';
import type { Viewer } from '../layout.js';
import type { IndicatorDef } from '../../monitor/registry.js';
import type { IndicatorEditsTable } from '../../store/schema.js';
import { adminNav, csrfField, doneMessage, errorMessage, field } from './form.js';

const DIRECTION: Record<string, string> = { higher: '越高越好', lower: '越低越好' };

export interface RegistryView {
  viewer: Viewer;
  lang: Lang;
  q?: string;
  defs: IndicatorDef[];
  edits: Map<string, IndicatorEditsTable>;
}

export function registryPage(v: RegistryView): SafeHtml {
  const { lang } = v;
  return html`${adminNav(v.viewer, lang, '/admin/registry')}
<p class="muted">${t('指标库中的名称和同义词用于把文件中的数字关联到指标；修改后系统立即重新关联并重新判断状态。', lang)}</p>
<form method="get" action="/admin/registry" class="filters" role="search"><label for="r-q">${t('查找指标', lang)}</label><input id="r-q" name="q" value="${v.q ?? ''}" maxlength="60"><button type="submit">${t('查找', lang)}</button></form>
<table><caption>${tf('{a}（{b}）', lang, { a: t('指标库', lang), b: v.defs.length })}</caption>
<thead><tr><th scope="col">${t('编号', lang)}</th><th scope="col">${t('名称', lang)}</th><th scope="col">${t('单位', lang)}</th><th scope="col">${t('方向', lang)}</th><th scope="col">${t('同义词', lang)}</th><th scope="col">${t('修改', lang)}</th></tr></thead>
<tbody>${v.defs.map((d) => {
    const e = v.edits.get(d.id);
    return html`<tr><td><a href="/admin/registry/${encodeURIComponent(d.id)}">${d.id}</a></td><td>${zhPart(d.name, lang)}</td><td>${zhPart(d.unit, lang)}</td><td>${t(DIRECTION[d.direction] ?? d.direction, lang)}</td><td>${zhPart(d.synonyms.slice(0, 3).join('、'), lang)}${d.synonyms.length > 3 ? ` +${d.synonyms.length - 3}` : ''}</td><td>${e ? html`${zhPart(e.updated_by, lang)} ${e.updated_at.slice(0, 10)}` : ''}</td></tr>`;
  })}</tbody></table>`;
}

export interface IndicatorFormView {
  viewer: Viewer;
  lang: Lang;
  csrf?: string;
  def: IndicatorDef;
  values: { name: string; synonyms: string; direction: string };
  done?: string;
  error?: string;
  field?: string;
}

export function indicatorForm(v: IndicatorFormView): SafeHtml {
  const { lang, def } = v;
  return html`${adminNav(v.viewer, lang, '/admin/registry')}${doneMessage(v.done, lang)}
<p><a href="/admin/registry">${t('返回指标库', lang)}</a> · <a href="/indicators/${encodeURIComponent(def.id)}">${t('指标页', lang)}</a></p>
<h2>${zhPart(def.name, lang)}</h2>
<p>${tf('{a}：', lang, { a: t('编号', lang) })}<code>${def.id}</code> · ${tf('{a}：', lang, { a: t('单位', lang) })}${zhPart(def.unit || '—', lang)}${def.attribute ? html` · ${zhPart(def.attribute, lang)}` : ''}</p>
${errorMessage(v.error, lang)}
<form method="post" action="/admin/registry/${encodeURIComponent(def.id)}">${csrfField(v.csrf)}
${field(lang, '名称', 'name', v.values.name, { required: true, maxlength: 60, invalid: v.field === 'name' })}
<label for="f-synonyms">${t('同义词（每行一个）', lang)}</label><textarea id="f-synonyms" name="synonyms" rows="8" cols="40" style="max-width:100%" lang="zh-CN"${v.field === 'synonyms' ? raw(' aria-invalid="true" aria-describedby="form-error"') : ''}>${v.values.synonyms}</textarea>
<fieldset><legend>${t('方向', lang)}</legend>${['higher', 'lower'].map((d) => html`<label><input type="radio" name="direction" value="${d}"${v.values.direction === d ? raw(' checked') : ''}> ${t(DIRECTION[d], lang)}</label>`)}</fieldset>
<p><button type="submit">${t('保存并重新生成监测数据', lang)}</button></p></form>`;
}
