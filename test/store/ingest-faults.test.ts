// Ingest under faults, on every store: a copy of a stored document in another form (more blank lines and
// trailing spaces, GBK, DOCX) is recognised by its text — unchanged, naming the stored file, storing
// nothing — and does not poison later ingests; a crash between storing and the refresh, or in the middle of a file of
// several documents, is repaired by the next ingest instead of being taken for "unchanged".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestFile, ingestPaths } from '../../src/cli/ingest.js';
import { extract } from '../../src/extract/index.js';
import { readSource } from '../../src/read/index.js';
import { structure } from '../../src/structure/index.js';
import { contentHash, storeFile } from '../../src/store/ingest.js';
import { makeDocx, makeGbk } from '../helpers/make-docs.js';
import { storeKinds } from './stores.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const BUNDLE = join(samples, '03-蓝湖市政府文件汇编2025年3月.txt');
const TABLES = ['documents', 'facts', 'tasks', 'table_rows', 'links', 'targets', 'actuals', 'issues'];
const count = async (store: any, table: string) => Number((await store.selectFrom(table).select((e: any) => e.fn.countAll().as('n')).executeTakeFirst()).n);
const counts = (store: any) => Promise.all(TABLES.map((t) => count(store, t)));

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: copies of stored documents in another form are unchanged, name the original and store nothing; later ingests still work`, async () => {
    const { store, close } = await open();
    const dir = mkdtempSync(join(tmpdir(), 'lantu-dup-'));
    try {
      await ingestPaths(store, [samples]);
      const before = await counts(store);
      const sources = await count(store, 'sources');
      const text = (f: string) => readFileSync(join(samples, f), 'utf8');
      const REPORT = '01-蓝湖市2025年政府工作报告.txt';
      const PLAN = '02-蓝湖市十五五规划纲要.txt';
      // more blank lines, trailing spaces and CRLF; GBK; a DOCX of the same paragraphs; full-width digits
      writeFileSync(join(dir, 'a-blank-lines.txt'), text(REPORT).split('\n').map((l) => `${l}  \r\n`).join('\r\n') + '\n\n');
      makeGbk(text(PLAN), join(dir, 'b-gbk.txt'));
      await makeDocx(text(REPORT).split('\n').filter((l) => l.trim() !== ''), join(dir, 'c-same.docx'));
      writeFileSync(join(dir, 'd-bundle.txt'), text('03-蓝湖市政府文件汇编2025年3月.txt').replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
      const copies = await ingestPaths(store, [dir]);
      assert.deepEqual(
        copies.map((o) => [o.status, o.status === 'unchanged' ? o.copyOf : undefined]),
        [
          ['unchanged', join(samples, REPORT)],
          ['unchanged', join(samples, PLAN)],
          ['unchanged', join(samples, REPORT)],
          ['unchanged', BUNDLE],
        ],
      );
      assert.deepEqual(await counts(store), before);
      assert.equal(await count(store, 'sources'), sources);
      // a changed text is stored, and the copies poisoned nothing
      writeFileSync(join(dir, 'e-changed.txt'), text(PLAN).replace('蓝湖市', '青湖市'));
      const later = await ingestPaths(store, [join(dir, 'e-changed.txt')]);
      assert.deepEqual(later.map((o) => o.status), ['stored']);
      const ids = (await store.selectFrom('issues').select('id').execute()).map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length);
    } finally {
      await close();
    }
  });

  test(`${kind}: documents stored without their refresh (a crash) are derived by the next ingest`, async () => {
    const whole = await open();
    const cut = await open();
    try {
      await ingestPaths(whole.store, [samples]);
      // the process dies after storing the files, before the refresh
      for (const f of ['01-蓝湖市2025年政府工作报告.txt', '02-蓝湖市十五五规划纲要.txt', '03-蓝湖市政府文件汇编2025年3月.txt']) await ingestFile(cut.store, join(samples, f));
      assert.equal(await count(cut.store, 'targets'), 0);
      const again = await ingestPaths(cut.store, [samples]);
      assert.deepEqual(again.map((o) => o.status), ['unchanged', 'unchanged', 'unchanged']);
      assert.deepEqual(await counts(cut.store), await counts(whole.store));
    } finally {
      await whole.close();
      await cut.close();
    }
  });

  test(`${kind}: a file of several documents that fails in the middle stores none of them; the retry stores all`, async () => {
    const { store, close } = await open();
    try {
      const file = extract(structure(await readSource(BUNDLE)));
      assert.ok(file.documents.length >= 3, 'the bundle holds several documents');
      const broken = { ...file, documents: file.documents.map((d, i) => (i === 2 ? { ...d, record: { ...d.record, title: null as unknown as string } } : d)) };
      const hash = await contentHash(BUNDLE);
      const out = await storeFile(store, broken, hash);
      assert.equal(out.status, 'failed');
      assert.equal(await count(store, 'documents'), 0);
      assert.equal(await count(store, 'sources'), 0);
      const retry = await ingestPaths(store, [BUNDLE]);
      assert.deepEqual(retry.map((o) => [o.status, o.documents]), [['stored', file.documents.length]]);
    } finally {
      await close();
    }
  });
}
