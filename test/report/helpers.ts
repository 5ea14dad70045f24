// Shared by the report tests: the samples' store, the rows the annual report must show (straight from
// `evaluate`), and the tables of a DOCX read back as text.
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import type { Store } from '../../src/store/db.js';
import { ingestPaths } from '../../src/cli/ingest.js';
import { evaluate, reasonWithConflicts } from '../../src/monitor/evaluate.js';
import { citer } from '../../src/report/cite.js';
import { verdictOf } from '../../src/report/form.js';

export const samplesDir = fileURLToPath(new URL('../../samples/', import.meta.url));

export async function ingestSamples(store: Store): Promise<{ planId: string; reportId: string }> {
  await ingestPaths(store, [samplesDir]);
  const docs = await store.selectFrom('documents').select(['id', 'type']).execute();
  return { planId: docs.find((d) => d.type === '规划纲要')!.id, reportId: docs.find((d) => d.type === '政府工作报告')!.id };
}

/** What the annual report of `year` must show, by `evaluate` (verdicts 达到 / 基本达到 / 滞后…, sources cited by document): the plan's targets of the year and later, the work report's of the year. */
export async function expectedRows(store: Store, region: string, year: number, planId: string, reportId: string | undefined, asOf: string): Promise<string[]> {
  const rows = await evaluate(store, { region, asOf });
  const cite = await citer(store);
  return rows
    .filter((r) => (r.source.documentId === planId && r.year >= year) || (r.source.documentId === reportId && r.year === year))
    .map((r) => [r.indicator, r.unit || '—', r.attribute ?? '—', r.baseline ?? '—', r.target, r.latest ?? '—', verdictOf(r.status), cite.text(reasonWithConflicts(r))].join(' | '))
    .sort();
}

/** The rows (after the header) of every table whose header is `head`, from a DOCX's raw text (one cell a paragraph). */
export function docxTableRows(raw: string, head: string[]): string[][] {
  const lines: string[] = [];
  // a figure's year is on a line of its own within the cell (93.7 / （2025）): read back as one cell
  for (const l of raw.split('\n').map((s) => s.trim()).filter(Boolean)) {
    if (/^（\d{4}(?:—\d{4})?）$/.test(l) && lines.length) lines[lines.length - 1] += l;
    else lines.push(l);
  }
  const out: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!head.every((h, k) => lines[i + k] === h)) continue;
    let j = i + head.length;
    while (/^\d+$/.test(lines[j] ?? '')) {
      out.push(lines.slice(j, j + head.length));
      j += head.length;
    }
    i = j - 1;
  }
  return out;
}

export async function docxText(buf: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: buf })).value;
}

export async function docxHeadings(buf: Buffer): Promise<string[]> {
  const html = (await mammoth.convertToHtml({ buffer: buf })).value;
  return [...html.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => `h${m[1]} ${m[2]}`);
}
