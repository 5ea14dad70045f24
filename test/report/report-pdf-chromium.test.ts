// The PDF of a report when LibreOffice is not there: the HTML printed by Chromium (A4, page numbers at the
// foot). Skipped with a message when Chromium is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportData } from '../../src/report/data.js';
import { chromium, renderPdf } from '../../src/report/pdf.js';
import { sqliteStore } from '../store/stores.js';
import { ingestSamples } from './helpers.js';

const skip = !chromium() && 'Chromium not found (apt-get install chromium): the Chromium PDF path is not tested';

test('a report printed to PDF by Chromium when LibreOffice is not used', { skip }, async () => {
  const { store, close } = await sqliteStore();
  try {
    const { planId } = await ingestSamples(store);
    const data = await reportData(store, { type: 'annual', plan: planId, year: 2025 });
    const { pdf, by } = await renderPdf(data, 'chromium');
    assert.equal(by, 'Chromium');
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 20_000, `a report of several pages (${pdf.length} bytes)`);
  } finally {
    await close();
  }
});
