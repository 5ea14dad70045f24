// The repair layer: original text in, repaired lines and paragraphs out, every character mapped back
// to its original offset. Pure: no I/O.
import type { SourceText } from '../model/records.js';
import { BOLD_OFF, BOLD_ON, normalizeChars } from './chars.js';
import { collapse, collapseAcrossJoins, collapseLeadingWeak } from './doubled.js';
import { furnitureKind, removeColumnMarkers } from './furniture.js';
import { LineIndex, Mapped, MappedBuilder } from './mapped.js';
import { readMarkdown } from './markdown.js';
import { joinDecisions } from './paragraphs.js';
import { removeStraySpaces } from './spacing.js';
import type { Block, RepairedLine } from './types.js';

export type { Block, RepairedLine } from './types.js';
export { LineIndex, Mapped } from './mapped.js';
export { pointAt, spanOf, spanOfText } from './span.js';

/** Line-level repair of a whole file. Blank lines and page furniture are dropped. */
export function repairLines(source: SourceText, index = new LineIndex(source.text)): RepairedLine[] {
  const out: RepairedLine[] = [];
  const pageStarts = new Set(source.pageStarts ?? []);
  let pendingBreak = false;
  // a DOCX gives one line per paragraph: no line of it stops short for want of page width
  const paragraphs = source.format === 'docx';
  for (let n = 1; n <= index.lineCount; n++) {
    const raw = index.line(n);
    if (pageStarts.has(n)) pendingBreak = true;
    if (!raw.trim()) continue;
    if (furnitureKind(raw)) {
      pendingBreak = true;
      continue;
    }
    const r = repairLine(Mapped.original(raw, index.starts[n - 1]));
    if (!/[^\s\uE000\uE001]/.test(r.text.text)) continue; // nothing but spaces and bold marks
    out.push({
      text: r.text,
      line: n,
      row: r.text.text.includes('\t'),
      heading: r.heading,
      endsDoubled: r.endsDoubled,
      pageBreakBefore: pendingBreak || /^[ \u3000]/.test(raw),
      ...(paragraphs ? { paragraph: true } : {}),
    });
    pendingBreak = false;
  }
  return out;
}

/** Repairs one line (or any piece of text) in place of its original. */
export function repairLine(m: Mapped): { text: Mapped; heading?: number; endsDoubled: boolean } {
  const md = readMarkdown(removeColumnMarkers(m));
  let t = normalizeChars(md.text);
  t = removeStraySpaces(t);
  t = trimTabs(t);
  const d = collapse(t);
  return { text: d.text, heading: md.heading, endsDoubled: d.endsDoubled };
}

function trimTabs(m: Mapped): Mapped {
  // trailing tabs are empty cells of a table row; keep them, but a line of only tabs is nothing
  return /^\t*$/.test(m.text) ? Mapped.empty : m;
}

/** Joins repaired lines into paragraphs (table rows stay one block each). */
export function toBlocks(lines: RepairedLine[]): Block[] {
  const join = joinDecisions(lines);
  const blocks: Block[] = [];
  let parts: RepairedLine[] = [];
  lines.forEach((l, i) => {
    parts.push(l);
    if (join[i]) return;
    blocks.push(makeBlock(parts));
    parts = [];
  });
  return blocks;
}

function makeBlock(parts: RepairedLine[]): Block {
  const texts = parts.map((p, i) => (i > 0 && parts[i - 1].endsDoubled ? collapseLeadingWeak(p.text) : p.text));
  const joins: number[] = [];
  texts.reduce((at, t) => (joins.push(at + t.length), at + t.length), 0);
  let mapped = parts.length === 1 ? texts[0] : collapseAcrossJoins(Mapped.concat(texts), joins.slice(0, -1));
  const { text, bold } = extractBold(mapped);
  mapped = text;
  return {
    text: mapped.text,
    mapped,
    line: parts[0].line,
    lastLine: Math.max(...parts.map((p) => p.line)),
    row: parts[0].row,
    heading: parts[0].heading,
    bold,
    pageBreakBefore: parts[0].pageBreakBefore,
  };
}

/** Removes the bold marks, returning the bold spans. */
function extractBold(m: Mapped): { text: Mapped; bold: Array<[number, number]> } {
  if (!/[\uE000\uE001]/.test(m.text)) return { text: m, bold: [] };
  const b = new MappedBuilder();
  const bold: Array<[number, number]> = [];
  let len = 0;
  let openAt = -1;
  let run = 0; // where the run of text since the last mark began
  for (let i = 0; i < m.length; i++) {
    const c = m.text[i];
    if (c !== BOLD_ON && c !== BOLD_OFF) {
      len++;
      continue;
    }
    b.appendSlice(m, run, i);
    run = i + 1;
    if (c === BOLD_ON) {
      if (openAt < 0) openAt = len;
    } else {
      if (openAt >= 0 && len > openAt) bold.push([openAt, len]);
      openAt = -1;
    }
  }
  b.appendSlice(m, run);
  if (openAt >= 0 && len > openAt) bold.push([openAt, len]);
  return { text: b.build(), bold };
}

/** The repaired text of blocks, one per line: what `lantu repair` prints. */
export function blocksText(blocks: Block[]): string {
  return blocks.map((b) => b.text).join('\n');
}
