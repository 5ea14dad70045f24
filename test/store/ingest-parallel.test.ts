// Ingest on worker threads and several writers (src/cli/ingest-pool.ts) stores what one thread storing
// one file at a time stores, in both stores: the same outcomes in the order of the files, the same
// documents and derived data; a copy of a text arriving together with its original is stored once, and
// a file that cannot be read fails alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import type { Store } from '../../src/store/db.js';
import { workReport } from '../monitor/reports.js';
import { storeKinds } from './stores.js';

const dir = mkdtempSync(join(tmpdir(), 'lantu-parallel-'));
const counties = ['格尔木市', '德令哈市', '乌兰县', '都兰县', '天峻县', '茫崖市', '大柴旦行政区', '西宁市', '海东市', '共和县', '贵德县', '门源回族自治县'];
for (const [i, region] of counties.entries())
  writeFileSync(join(dir, `${String(i).padStart(2, '0')}.txt`), workReport({ region, year: 2025, actual: { gdpGrowth: 4 + i / 10, unemployment: 3, jobs: 1000 + i }, target: { gdpGrowth: 5 + i / 10, unemployment: 4, jobs: 2000 + i } }));
// the first report again with other blank lines (a copy by its text), the second byte for byte, and a broken DOCX
writeFileSync(join(dir, '20-copy.txt'), workReport({ region: counties[0], year: 2025, actual: { gdpGrowth: 4, unemployment: 3, jobs: 1000 }, target: { gdpGrowth: 5, unemployment: 4, jobs: 2000 } }).replace(/\n\n/g, '\n\n\n'));
writeFileSync(join(dir, '21-same.txt'), workReport({ region: counties[1], year: 2025, actual: { gdpGrowth: 4.1, unemployment: 3, jobs: 1001 }, target: { gdpGrowth: 5.1, unemployment: 4, jobs: 2001 } }));
writeFileSync(join(dir, '22-broken.docx'), 'PK\u0003\u0004 not a whole archive');

async function snapshot(store: Store) {
  const rows = async (t: 'documents' | 'targets' | 'actuals' | 'facts') => (await store.selectFrom(t).select('id').orderBy('id').execute()).map((r) => r.id);
  return { documents: await rows('documents'), facts: await rows('facts'), targets: await rows('targets'), actuals: await rows('actuals') };
}

async function ingestWith(workers: string, store: Store) {
  const before = process.env.LANTU_INGEST_WORKERS;
  process.env.LANTU_INGEST_WORKERS = workers;
  try {
    return await ingestPaths(store, [dir]);
  } finally {
    if (before === undefined) delete process.env.LANTU_INGEST_WORKERS;
    else process.env.LANTU_INGEST_WORKERS = before;
  }
}

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: two workers and several writers store what one thread stores`, async () => {
    const one = await open();
    const many = await open();
    try {
      const a = await ingestWith('0', one.store);
      const b = await ingestWith('2', many.store);
      assert.deepEqual(b.map((o) => [o.file, o.status]), a.map((o) => [o.file, o.status]));
      assert.equal(b.filter((o) => o.status === 'stored').length, 12);
      assert.deepEqual(b.slice(12).map((o) => o.status), ['unchanged', 'unchanged', 'failed']);
      assert.equal(b[12].copyOf, join(dir, '00.txt'), 'the copy names its original');
      assert.match(b[14].reason ?? '', /ZIP archive that is not a DOCX/);
      const want = await snapshot(one.store);
      assert.equal(want.documents.length, 12);
      assert.deepEqual(await snapshot(many.store), want);
    } finally {
      await Promise.all([one.close(), many.close()]);
    }
  });
}
