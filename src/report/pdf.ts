// The report as PDF: the DOCX converted by LibreOffice when it is installed (the 公文 form as Word
// shows it), else the HTML printed by Chromium (playwright-core, A4, the page number in the footer).
// Which one is found is decided at run time; neither is there → a ReportError that says what to install.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportData } from './data.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { ReportError } from './scope.js';

const which = (c: string) => spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).stdout.trim() || undefined;

export const office = (): string | undefined => which('soffice') ?? which('libreoffice');
export const chromium = (): string | undefined => process.env.LANTU_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : which('chromium') ?? which('chromium-browser'));

const run = promisify(execFile);

/**
 * DOCX → PDF with LibreOffice, in a profile of its own so that a running LibreOffice does not take the job;
 * run as a child process without blocking (the server answers other requests meanwhile).
 */
export async function docxToPdf(docx: Buffer, soffice: string): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-pdf-'));
  try {
    const file = join(dir, 'report.docx');
    writeFileSync(file, docx);
    let failure = '';
    await run(soffice, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { timeout: 180_000 }).catch((e: Error & { stderr?: string }) => (failure = e.stderr?.trim() || e.message));
    const pdf = join(dir, 'report.pdf');
    if (!existsSync(pdf)) throw new ReportError(`LibreOffice (${soffice}) made no PDF: ${failure}`);
    return readFileSync(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** HTML → PDF with Chromium (A4, page numbers "— 1 —" at the foot). */
export async function htmlToPdf(page: string, executablePath: string): Promise<Buffer> {
  const { chromium: pw } = await import('playwright-core');
  const browser = await pw.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    const p = await browser.newPage();
    await p.setContent(page, { waitUntil: 'load' });
    const foot = '<div style="width:100%;font-size:14pt;text-align:center;font-family:SimSun,serif">— <span class="pageNumber"></span> —</div>';
    return await p.pdf({ format: 'A4', preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: foot, printBackground: true });
  } finally {
    await browser.close();
  }
}

export async function renderPdf(d: ReportData, prefer?: 'libreoffice' | 'chromium'): Promise<{ pdf: Buffer; by: string }> {
  const lo = prefer === 'chromium' ? undefined : office();
  if (lo) return { pdf: await docxToPdf(await renderDocx(d), lo), by: 'LibreOffice' };
  const ch = prefer === 'libreoffice' ? undefined : chromium();
  if (ch) return { pdf: await htmlToPdf(renderHtml(d), ch), by: 'Chromium' };
  throw new ReportError('a PDF needs LibreOffice (apt-get install -y libreoffice-writer-nogui) or Chromium; neither was found');
}
