// 009_text_hash on every store: sources stored without a fingerprint (before the migration, or restored
// from an older backup) get one at the next ingest, so a copy of them is recognised too; storeFile itself
// refuses a copy inside its transaction (two ingests racing with the same text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/cli/ingest.js';
import { extract } from '../../src/extract/index.js';
import { readSource } from '../../src/read/index.js';
import { structure } from '../../src/structure/index.js';
import { contentHash, storeFile } from '../../src/store/ingest.js';
import { makeGbk } from '../helpers/make-docs.js';
import { storeKinds } from './stores.js';

const REPORT = fileURLToPath(new URL('../../samples/01-蓝湖市2025年政府工作报告.txt', import.meta.url));

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: a source without a fingerprint gets one at the next ingest, and its copy is unchanged`, async () => {
    const { store, close } = await open();
    const dir = mkdtempSync(join(tmpdir(), 'lantu-th-'));
    try {
      await ingestPaths(store, [REPORT]);
      await store.updateTable('sources').set({ text_hash: null }).execute();
      makeGbk(readFileSync(REPORT, 'utf8'), join(dir, 'gbk.txt'));
      const out = await ingestPaths(store, [join(dir, 'gbk.txt')]);
      assert.deepEqual(out.map((o) => [o.status, o.status === 'unchanged' && o.copyOf]), [['unchanged', REPORT]]);
      const rows = await store.selectFrom('sources').select('text_hash').execute();
      assert.ok(rows.length === 1 && /^[0-9a-f]{64}$/.test(rows[0].text_hash ?? ''));
    } finally {
      await close();
    }
  });

  test(`${kind}: storeFile stores nothing of a file whose text another stored file has`, async () => {
    const { store, close } = await open();
    const dir = mkdtempSync(join(tmpdir(), 'lantu-th-'));
    try {
      await ingestPaths(store, [REPORT]);
      const copy = join(dir, 'gbk.txt');
      makeGbk(readFileSync(REPORT, 'utf8'), copy);
      const out = await storeFile(store, extract(structure(await readSource(copy))), await contentHash(copy));
      assert.deepEqual(out, { file: copy, status: 'unchanged', documents: 0, copyOf: REPORT });
      assert.equal((await store.selectFrom('sources').select('file').execute()).length, 1);
    } finally {
      await close();
    }
  });
}
