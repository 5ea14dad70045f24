// The DOCX report opens in LibreOffice: converted to PDF headless, it has pages, the report's text and
// the page numbers of the footer. Needs `libreoffice` or `soffice` (Debian: libreoffice-writer-nogui):
// required in CI, skipped with a message elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { reportData } from '../../src/report/data.js';
import { renderDocx } from '../../src/report/docx.js';
import { sqliteStore } from '../store/stores.js';
import { ingestSamples } from './helpers.js';

const office = ['libreoffice', 'soffice'].map((c) => spawnSync('sh', ['-c', `command -v ${c}`], { encoding: 'utf8' }).stdout.trim()).find(Boolean);
const MISSING = 'LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui): the DOCX → PDF check';
if (!office && !process.env.CI) process.stderr.write(`skipping: ${MISSING} is skipped\n`);

test('the annual DOCX report converts to a PDF with LibreOffice', { skip: !office && !process.env.CI && `${MISSING} is skipped`, timeout: 120_000 }, async () => {
  assert.ok(office, `${MISSING} is required in CI`);
  const { store, close } = await sqliteStore();
  try {
    await ingestSamples(store);
    const data = await reportData(store, { type: 'annual', plan: '规划纲要', year: 2025 });
    const dir = mkdtempSync(join(tmpdir(), 'lantu-report-pdf-'));
    const docx = join(dir, 'report.docx');
    writeFileSync(docx, await renderDocx(data));
    // a profile of its own, so that a running LibreOffice does not take the job
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const r = spawnSync(office!, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 110_000 });
    const pdf = join(dir, 'report.pdf');
    assert.ok(existsSync(pdf), `no PDF from ${office}: status ${r.status} ${r.stderr}`);
    assert.ok(statSync(pdf).size > 1000);
    const bytes = new Uint8Array(readFileSync(pdf));
    assert.equal(Buffer.from(bytes.subarray(0, 5)).toString(), '%PDF-');
    const doc = await getDocument({ data: bytes, useSystemFonts: false }).promise;
    assert.ok(doc.numPages >= 2, `${doc.numPages} page(s)`);
    const first = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('').replace(/\s+/g, '');
    assert.match(first, /一、总体评价/);
    assert.match(first, /—1—/, 'the page number of the footer');
    await doc.destroy();
  } finally {
    await close();
  }
});
