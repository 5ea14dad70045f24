// Shared by the report tests: the samples' store, the rows the annual report must show (straight from
// `evaluate`), and the tables of a DOCX read back as text.
import { fileURLToPath } from 'node:url';
import mammoth from 'mammoth';
import type { Store } from '../../src/store/db.js';
import { ingestPaths } from '../../src/cli/ingest.js';
import { evaluate, reasonWithConflicts } from '../../src/monitor/evaluate.js';
import { STATUS_LABEL } from '../../src/monitor/labels.js';

export const samplesDir = fileURLToPath(new URL('../../samples/', import.meta.url));

export async function ingestSamples(store: Store): Promise<{ planId: string; reportId: string }> {
  await ingestPaths(store, [samplesDir]);
  const docs = await store.selectFrom('documents').select(['id', 'type']).execute();
  return { planId: docs.find((d) => d.type === '规划纲要')!.id, reportId: docs.find((d) => d.type === '政府工作报告')!.id };
}

/** What the annual report of `year` must show, by `evaluate`: the plan's targets of the year and later, the work report's of the year. */
export async function expectedRows(store: Store, region: string, year: number, planId: string, reportId: string | undefined, asOf: string): Promise<string[]> {
  const rows = await evaluate(store, { region, asOf });
  return rows
    .filter((r) => (r.source.documentId === planId && r.year >= year) || (r.source.documentId === reportId && r.year === year))
    .map((r) => [r.indicator, r.unit || '—', r.attribute ?? '—', r.target, r.latest ?? '—', STATUS_LABEL[r.status], reasonWithConflicts(r)].join(' | '))
    .sort();
}

/** The rows (after the header) of every table whose header is `head`, from a DOCX's raw text (one cell a paragraph). */
export function docxTableRows(raw: string, head: string[]): string[][] {
  const lines = raw.split('\n').map((s) => s.trim()).filter(Boolean);
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
