// `lantu report --type annual|midterm|final --plan PLAN --year Y --format docx|pdf|html|md --out FILE
// [--issuer UNIT]`: an evaluation report of a plan or a work report from the store (PDF by LibreOffice
// or Chromium, whichever is installed). Exit 0 written, 2 for a bad request (nothing written).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname } from 'node:path';
import { openStore } from '../store/db.js';
import { reportData } from '../report/data.js';
import { renderDocx } from '../report/docx.js';
import { renderHtml } from '../report/html.js';
import { renderMarkdown } from '../report/markdown.js';
import { renderPdf } from '../report/pdf.js';
import { REPORT_TYPES, ReportError, type ReportType } from '../report/scope.js';

export interface ReportCliOptions {
  type: string;
  plan: string;
  year?: string;
  format?: string;
  out: string;
  asOf?: string;
  issuer?: string;
}

const FORMATS = ['docx', 'pdf', 'html', 'md'] as const;
type Format = (typeof FORMATS)[number];

/** The format asked for, else the output file's extension. */
function formatOf(opts: ReportCliOptions): Format | undefined {
  const f = (opts.format ?? extname(opts.out).slice(1)).toLowerCase();
  const g = f === 'markdown' ? 'md' : f === 'htm' ? 'html' : f;
  return (FORMATS as readonly string[]).includes(g) ? (g as Format) : undefined;
}

export async function runReport(opts: ReportCliOptions): Promise<number> {
  const fail = (msg: string) => {
    process.stderr.write(`lantu: ${msg}\n`);
    return 2;
  };
  if (!(REPORT_TYPES as readonly string[]).includes(opts.type)) return fail(`--type "${opts.type}" is not annual, midterm or final`);
  const format = formatOf(opts);
  if (!format) return fail(`--format "${opts.format ?? extname(opts.out)}" is not docx, pdf, html or md`);
  const year = opts.year === undefined ? undefined : Number(opts.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1949 && year <= 2100)) return fail(`--year "${opts.year}" is not a year`);
  const store = await openStore();
  try {
    const data = await reportData(store, { type: opts.type as ReportType, plan: opts.plan, year, asOf: opts.asOf, issuer: opts.issuer });
    const body = format === 'docx' ? await renderDocx(data) : format === 'pdf' ? (await renderPdf(data)).pdf : format === 'html' ? renderHtml(data) : renderMarkdown(data);
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, body);
    const c = data.counts;
    process.stdout.write(`wrote ${opts.out}: ${data.title}（${c.total} 项指标目标，已完成 ${c.by.achieved}，进度正常 ${c.by.on_track}，存在风险 ${c.by.at_risk}，进度滞后 ${c.by.off_track}；判断基准日 ${data.window.asOf}）\n`);
    return 0;
  } catch (e) {
    if (e instanceof ReportError) return fail(e.message);
    throw e;
  } finally {
    await store.destroy();
  }
}
