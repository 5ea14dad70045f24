// Large files are ingested, not refused by a limit of the engine: a text of 130,000 lines (a document's
// line span was once Math.min(...lines), which overflows the call stack from about 120,000 lines).
// Their time and memory are measured by `npm run bench`, not here: on a shared machine a timing
// ratio (doubling the paragraphs doubles the time) varied too much between runs to be a reliable test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestFile } from '../../src/cli/ingest.js';
import { sqliteStore } from './stores.js';

test('a text of 130,000 lines is stored as one document spanning them all', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'lantu-large-')), 'lines.txt');
  writeFileSync(file, '蓝湖市2025年政府工作报告\n' + '推进城乡融合发展。\n'.repeat(130_000));
  const { store, close } = await sqliteStore();
  try {
    const out = await ingestFile(store, file);
    assert.deepEqual([out.status, out.documents], ['stored', 1], out.status === 'failed' ? out.reason : '');
    const doc = await store.selectFrom('documents').select(['line_first', 'line_last']).executeTakeFirstOrThrow();
    assert.deepEqual([doc.line_first, doc.line_last], [1, 130_001]);
  } finally {
    await close();
  }
});
