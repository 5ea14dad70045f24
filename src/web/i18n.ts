// The interface in Chinese first, English as a switch (?lang=en, remembered in a cookie). The English
// words are data: every `vocab/ui-en/*.json` file maps Chinese interface text to English, one file per
// area of the application (common, overview, admin …), merged at first use.
import { readdirSync, readFileSync } from 'node:fs';
import { html, type SafeHtml } from './html.js';

export type Lang = 'zh' | 'en';

let EN: Map<string, string> | undefined;

function dictionary(): Map<string, string> {
  if (EN) return EN;
  const dir = new URL('../../vocab/ui-en/', import.meta.url);
  const map = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const words = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as Record<string, string>;
    for (const [zh, en] of Object.entries(words)) {
      if (map.has(zh) && map.get(zh) !== en) throw new Error(`vocab/ui-en/${f}: "${zh}" is translated twice, as "${map.get(zh)}" and "${en}"`);
      map.set(zh, en);
    }
  }
  return (EN = map);
}

/** The interface text in the page's language (the Chinese itself when no English is known). */
export function t(zh: string, lang: Lang): string {
  return lang === 'en' ? (dictionary().get(zh) ?? zh) : zh;
}

/**
 * A sentence of the interface with values in it: the Chinese template ("文件（{n} 份）") looked up like any
 * word, then each {name} replaced by its value, escaped (SafeHtml values, such as zhPart(…), kept).
 */
export function tf(zh: string, lang: Lang, vars: Record<string, unknown>): SafeHtml {
  return html`${filled(zh, lang, vars)}`;
}

/** tf as plain text, for a message made before it is shown (a flash kept in a cookie, a form's error). */
export function ts(zh: string, lang: Lang, vars: Record<string, unknown> = {}): string {
  return filled(zh, lang, vars)
    .map((part) => String(part ?? ''))
    .join('');
}

/** The template in the language, split into its text and the values of its {name}s. */
const filled = (zh: string, lang: Lang, vars: Record<string, unknown>): unknown[] =>
  t(zh, lang)
    .split(/\{(\w+)\}/)
    .map((part, i) => (i % 2 ? vars[part] : part));

/** A message on an English page with the Chinese in it (a unit's name, a number of a notice) marked as Chinese (WCAG 3.1.2). */
export function markZh(text: string, lang: Lang): SafeHtml {
  if (lang !== 'en') return html`${text}`;
  return html`${text.split(HAN_RUN).map((part, i) => (i % 2 ? html`<span lang="zh-CN">${part}</span>` : part))}`;
}

/** Whether an English text is known for this interface text. */
export const hasEnglish = (zh: string): boolean => dictionary().has(zh);

/** Chinese characters (CJK ideographs, their punctuation and full-width forms). */
export const HAN = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
/** A run of Chinese, spaces, digits and dots between Chinese included (格尔木市 教育局, 督办 1号), as a group to split on. */
const HAN_RUN = new RegExp(`(${HAN.source}+(?:[\\s\\d.·-]*${HAN.source}+)*)`);

/** Content that stays Chinese on an English page (a quote, a title, a unit's name): marked as such
 *  (WCAG 3.1.2, language of parts) so that screen readers and the English-page test know it. */
export function zhPart(text: unknown, lang: Lang): SafeHtml {
  return lang === 'en' && HAN.test(String(text ?? '')) ? html`<span lang="zh-CN">${text}</span>` : html`${text}`;
}

export { STATUS_LABEL } from '../monitor/labels.js';
