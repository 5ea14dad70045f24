// The document list and the document viewer: the original lines, each with its anchor (#L123) and
// number link, the extracted records marked on the exact characters they were read from (their
// description in the title), and what reading and extraction could not do.
import type { Message } from '../../model/records.js';
import type { DocumentsTable } from '../../store/schema.js';
import { html, type SafeHtml } from '../html.js';
import { t, tf, zhPart, type Lang } from '../i18n.js';
import { LEVEL_LABEL, dataTable } from './common.js';
import { messageList } from './messages.js';

export interface DocListRow extends Pick<DocumentsTable, 'id' | 'title' | 'type' | 'doc_number' | 'issuer' | 'date' | 'region' | 'file' | 'line_first'> {
  facts: number;
  tasks: number;
}

export function documentList(rows: DocListRow[], lang: Lang = 'zh'): SafeHtml {
  const zh = (v: unknown) => zhPart(v, lang);
  return dataTable(
    tf('文件（{n} 份）', lang, { n: rows.length }),
    ['标题', '文种', '文号', '发文机关', '日期', '地区', '来源文件', '数据', '任务', '提纲'],
    rows.map((d) => [
      html`<a href="/documents/${encodeURIComponent(d.id)}">${zh(d.title)}</a>`,
      zh(d.type ?? ''),
      zh(d.doc_number ?? ''),
      zh(d.issuer ?? ''),
      d.date ?? '',
      zh(d.region ?? ''),
      html`<a href="/documents/${encodeURIComponent(d.id)}#L${d.line_first}">${zh(d.file)}</a>`,
      d.facts,
      d.tasks,
      html`<a href="/plans/${encodeURIComponent(d.id)}">${t('提纲', lang)}</a>`,
    ]),
    '暂无记录',
    lang,
  );
}

/**
 * A record to mark: its description, and the characters it was read from — its span of original
 * offsets [start, end) when it has one (records stored before spans: its text, searched in its line).
 */
export interface Mark {
  line: number;
  text: string;
  title: string;
  span?: [number, number];
}

/** A mark placed on one line: [from, to) in the line's text, or undefined to search for its text. */
interface LineMark {
  text: string;
  title: string;
  at?: [number, number];
}

const compact = (s: string) => s.replace(/\s+/gu, '');

/** Where `needle` stands in `line`, ignoring white space (extraction reads joined, repaired text). */
export function locate(line: string, needle: string): [number, number] | undefined {
  const n = compact(needle);
  if (!n) return undefined;
  const at = line.indexOf(needle);
  if (at >= 0) return [at, at + needle.length];
  const idx: number[] = [];
  let flat = '';
  for (let i = 0; i < line.length; i++) if (!/\s/u.test(line[i])) (flat += line[i]), idx.push(i);
  // the record's text may continue on the next line: match the longest prefix found here
  for (let len = n.length; len >= Math.min(n.length, 4); len--) {
    const k = flat.indexOf(n.slice(0, len));
    if (k >= 0) return [idx[k], idx[k + len - 1] + 1];
  }
  return undefined;
}

/** One line with its marks: where records overlap, each stretch is marked with every record that covers it. */
export function markLine(text: string, marks: LineMark[]): SafeHtml {
  const spans = marks.map((m) => ({ at: m.at ?? locate(text, m.text) ?? ([0, text.length] as [number, number]), title: m.title })).filter((s) => s.at[1] > s.at[0]);
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => s.at)])].sort((a, b) => a - b);
  const parts: Array<{ from: number; to: number; titles: string[] }> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const titles = [...new Set(spans.filter((s) => s.at[0] <= from && s.at[1] >= to).map((s) => s.title))];
    const last = parts[parts.length - 1];
    if (last && last.titles.join('\n') === titles.join('\n')) last.to = to;
    else parts.push({ from, to, titles });
  }
  return html`${parts.map((p) => (p.titles.length ? html`<mark title="${p.titles.join('\n')}">${text.slice(p.from, p.to)}</mark>` : text.slice(p.from, p.to)))}`;
}

export interface DocView {
  doc: DocumentsTable;
  /** The document's original lines, each with the offset where it starts in the original text. */
  lines: Array<{ n: number; text: string; offset: number }>;
  marks: Mark[];
  counts: { facts: number; tasks: number; rows: number };
  messages: Message[];
}

/** Each mark on the lines it covers: a span on every line it crosses, a searched text on its line. */
function marksByLine(lines: DocView['lines'], marks: Mark[]): Map<number, LineMark[]> {
  const byLine = new Map<number, LineMark[]>();
  const add = (n: number, m: LineMark) => (byLine.get(n)?.push(m) ?? byLine.set(n, [m]));
  for (const m of marks) {
    if (!m.span) {
      add(m.line, m);
      continue;
    }
    const [start, end] = m.span;
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].offset <= start) lo = mid;
      else hi = mid - 1;
    }
    for (let k = lo; k < lines.length && lines[k].offset < end; k++) {
      const l = lines[k];
      const from = Math.max(start, l.offset) - l.offset;
      const to = Math.min(end, l.offset + l.text.length) - l.offset;
      if (to > from) add(l.n, { text: m.text, title: m.title, at: [from, to] });
    }
  }
  return byLine;
}

export function documentPage(v: DocView, lang: Lang = 'zh'): SafeHtml {
  const d = v.doc;
  const byLine = marksByLine(v.lines, v.marks);
  const zh = (x: unknown) => zhPart(x, lang);
  const meta: Array<[string, SafeHtml | string | null]> = [
    ['文种', d.type && zh(d.type)],
    ['文号', d.doc_number && zh(d.doc_number)],
    ['发文机关', d.issuer && zh(d.issuer)],
    ['日期', d.date],
    ['地区', d.region ? html`${zh(d.region)}${d.level ? ` (${t(LEVEL_LABEL[d.level] ?? d.level, lang)})` : ''}` : null],
    ['来源文件', tf('{file} 第{from}–{to}行', lang, { file: zh(d.file), from: d.line_first, to: d.line_last })],
  ];
  return html`<p><a href="/documents">${t('← 文件列表', lang)}</a> · <a href="/plans/${encodeURIComponent(d.id)}">${t('按章节查看提纲、指标、任务和项目', lang)}</a></p>
<dl>${meta.filter(([, v]) => v).map(([k, val]) => html`<dt>${t(k, lang)}</dt><dd>${val}</dd>`)}</dl>
<p class="muted">${tf('原文共 {lines} 行；{mark}处为提取的记录（数据 {facts} 条、任务 {tasks} 项、表格行 {rows} 行），鼠标悬停在高亮处可查看记录内容。', lang, { lines: v.lines.length, mark: html`<mark>${t('高亮', lang)}</mark>`, facts: v.counts.facts, tasks: v.counts.tasks, rows: v.counts.rows })}</p>
${messageList(d.id, v.messages, lang)}
<h2>${t('原文', lang)}</h2>
<pre class="doc" lang="zh-CN">${v.lines.map(
    (l) => html`<span id="L${l.n}"><a class="ln" href="#L${l.n}" aria-label="${tf('第{n}行', lang, { n: l.n })}" lang="${lang === 'en' ? 'en' : 'zh-CN'}">${l.n}</a>${markLine(l.text, byLine.get(l.n) ?? [])}</span>\n`,
  )}</pre>`;
}
