// Pieces shared by the pages: links to a record's source line, status badges, accessible tables,
// highlighted search terms, labels of levels and vintages.
import { html, raw, type SafeHtml } from '../html.js';
import { reasonInEnglish } from '../../monitor/status/english.js';
import { STATUS_LABEL, t, zhPart, type Lang } from '../i18n.js';
import { statusBadge } from '../layout.js';

export const STATUSES = ['missed', 'off_track', 'at_risk', 'no_data', 'not_assessable', 'on_track', 'achieved'] as const;
/** Worst first: the order statuses are counted and compared in. */
export const statusRank = (s: string): number => {
  const i = (STATUSES as readonly string[]).indexOf(s);
  return i < 0 ? STATUSES.length : i;
};

export const LEVEL_LABEL: Record<string, string> = { national: '国家', province: '省级', prefecture: '州（地）级', county: '县级' };
export const VINTAGE_LABEL: Record<string, string> = { estimate: '预计数', first: '初步数', revised: '修订数', manual: '手工录入' };

export const sourceHref = (documentId: string, line: number | null | undefined): string =>
  `/documents/${encodeURIComponent(documentId)}${line ? `#L${line}` : ''}`;

/** Content linked to its source line, or plain when it was entered by hand. */
export function sourceLink(documentId: string | null | undefined, line: number | null | undefined, content: unknown, title?: string): SafeHtml {
  if (!documentId) return html`${content}`;
  return html`<a href="${sourceHref(documentId, line)}"${title ? html` title="${title}"` : ''}>${content}</a>`;
}

/** A status as a coloured badge, its label in the page's language. */
export function status(s: string, lang: Lang = 'zh'): SafeHtml {
  return statusBadge(s, STATUS_LABEL[s] ? t(STATUS_LABEL[s], lang) : s);
}

/** The status engine's reason in the page's language: in English, what stays Chinese (a worded target's words, a name) is marked. */
export function reason(text: string, lang: Lang = 'zh'): SafeHtml {
  if (lang !== 'en') return html`${text}`;
  return html`${reasonInEnglish(text).map((p) => (typeof p === 'string' ? p : zhPart(p.zh, lang)))}`;
}

export type Cell = unknown;

/**
 * A data table: caption, column headers, and the first cell of each row as its row header. With `lang`,
 * the caption, headers and the empty message are interface words, translated. (The page frame puts
 * every table in a box that scrolls sideways on a phone.)
 */
export function dataTable(caption: string | SafeHtml, head: string[], rows: Cell[][], empty = '暂无记录', lang?: Lang): SafeHtml {
  const tr = (s: string) => (lang ? t(s, lang) : s);
  const cap = typeof caption === 'string' ? tr(caption) : caption;
  if (!rows.length) return html`<p class="muted">${cap}${lang === 'en' ? ': ' : '：'}${tr(empty)}</p>`;
  return html`<table><caption>${cap}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${tr(h)}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>\n`)}</tbody></table>`;
}

const reEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every occurrence of the terms in <mark>, everything escaped. */
export function highlight(text: string, terms: string[]): SafeHtml {
  const ts = terms.filter(Boolean).sort((a, b) => b.length - a.length);
  if (!ts.length) return html`${text}`;
  const re = new RegExp(`(${ts.map(reEscape).join('|')})`, 'giu');
  return html`${text.split(re).map((part, i) => (i % 2 ? html`<mark>${part}</mark>` : part))}`;
}

/** A page's script tags: ECharts and the page script (the CSP allows only scripts from this site). */
export const chartScripts = (): SafeHtml =>
  raw('<script src="/assets/echarts/echarts.min.js" defer></script><script src="/assets/lantu-chart.js" defer></script>');

export const fmtNumber = (n: number | null | undefined): string => (n === null || n === undefined ? '' : String(Math.round(n * 1e4) / 1e4));
