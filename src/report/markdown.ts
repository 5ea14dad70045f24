// The report as Markdown (GitHub tables): pipes, backslashes and line breaks in cells are escaped, and
// text that Markdown would read as markup (*, _, #, <, [) is escaped too.
import type { ReportData } from './data.js';
import { reportBlocks, type Block } from './layout.js';

/** Text safe in a Markdown paragraph or table cell. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|!~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}

function table(t: Extract<Block, { kind: 'table' }>): string {
  const row = (cells: string[]) => `| ${cells.map((c) => mdEscape(c) || ' ').join(' | ')} |`;
  const align = t.head.map((_, i) => (t.numeric?.includes(i) ? '---:' : '---'));
  return [t.caption ? `**${mdEscape(t.caption)}**\n` : '', row(t.head), `| ${align.join(' | ')} |`, ...t.rows.map(row)].filter((x) => x !== '').join('\n');
}

export function renderMarkdown(d: ReportData): string {
  const out: string[] = [];
  for (const b of reportBlocks(d)) {
    if (b.kind === 'title') out.push(`# ${mdEscape(b.text)}`);
    else if (b.kind === 'heading') out.push(`${b.level === 1 ? '##' : '###'} ${mdEscape(b.text)}`);
    else if (b.kind === 'para') out.push(b.note ? `> ${mdEscape(b.text)}` : mdEscape(b.text));
    else if (b.kind === 'item') out.push([`**${mdEscape(b.head)}**`, '', ...b.lines.map((l) => `- ${mdEscape(l)}`)].join('\n'));
    else if (b.kind === 'table') out.push(table(b));
    else if (b.kind === 'signature') out.push(`<p align="right">${mdEscape(b.issuer)}<br>${mdEscape(b.date)}</p>`);
    else if (b.kind === 'attachment') out.push(`---\n\n**${mdEscape(b.label)}**\n\n### ${mdEscape(b.title)}`);
    // the chart: Markdown has no drawing; the status table that follows it gives the same numbers
  }
  return out.join('\n\n') + '\n';
}
