// Deriving new documents one at a time (monitor/refresh-documents.ts) writes what rebuilding the whole
// store writes, in both stores and in either order of arrival: the same links, targets, actuals and their
// vintages, metrics of their own (a target that arrives after its actuals, a first target that names the
// metric in another unit), issues, projects (a plain 电站 joining its 抽水蓄能电站), and statuses judged
// again only for the regions touched (a prefecture's target changes its counties' statuses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { refresh } from '../../src/monitor/refresh.js';
import { statusRows } from '../../src/monitor/statuses.js';
import type { Store } from '../../src/store/db.js';
import { storeKinds } from '../store/stores.js';
import { report } from '../extract/helpers.js';
import { bulletin, workReport } from './reports.js';
import { samplesDir } from '../server/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'lantu-incremental-'));
const docs: Array<[string, string]> = [
  ['a.txt', `${workReport({ region: '蓝湖市', year: 2024, actual: { gdpGrowth: 5.1, unemployment: 3.2, jobs: 2100 }, target: { gdpGrowth: 6, unemployment: 4, jobs: 2500 } })}\n\n新建家庭养老床位2000张，建成新型储能50万千瓦。`],
  ['b.txt', workReport({ region: '蓝湖市', year: 2025, actual: { gdpGrowth: 5.8, unemployment: 3.4, jobs: 2600 }, target: { gdpGrowth: 5.5, unemployment: 4, jobs: 2800 } })],
  ['c.txt', workReport({ region: '云泽州', year: 2025, actual: { gdpGrowth: 5.4, unemployment: 3.6, jobs: 9000 }, target: { gdpGrowth: 5, unemployment: 4.5, jobs: 10000 } })],
  ['d.txt', bulletin('蓝湖市', 2024, 5.9)],
  ['e.txt', report('过去一年，建成新型储能 80 万千瓦。', '2025年，建成新型储能200万千瓦以上，新建家庭养老床位1万张，白石口电站开工建设。')],
  ['f.txt', report('白石口抽水蓄能电站开工。', '经济社会发展主要预期目标是：地区生产总值增长6%左右。全年地区生产总值增长6.5%左右。').replace('蓝湖市', '蓝田县')],
];
for (const [name, text] of docs) writeFileSync(join(dir, name), text);
const files = [...docs.map(([n]) => join(dir, n)), ...['01-蓝湖市2025年政府工作报告.txt', '02-蓝湖市十五五规划纲要.txt', '03-蓝湖市政府文件汇编2025年3月.txt'].map((n) => join(samplesDir, n))];
const AS_OF = '2026-11-27';

/** The derived data of a store, each table in a stable order, without the times of writing. */
async function derived(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const tables = { regions: 'name', indicators: 'id', links: 'subject_id', targets: 'id', actuals: 'id', issues: 'id', projects: 'id', project_mentions: 'id' } as const;
  for (const [t, key] of Object.entries(tables)) out[t] = (await store.selectFrom(t as 'regions').selectAll().orderBy(key as 'name').execute()).map(({ updated_at: _u, ...r }: Record<string, unknown>) => r);
  out.adhoc = await store.selectFrom('facts').select(['id', 'adhoc_id']).where('adhoc_id', 'is not', null).orderBy('id').execute();
  out.statuses = (await statusRows(store, { asOf: AS_OF })).map((r) => r.entry);
  return out;
}

/** Ingests the files one at a time; every refresh after the first derives only the new document. */
async function oneByOne(store: Store, list: string[]): Promise<void> {
  for (const f of list) {
    // the store's statuses are judged after every document, so that later ones are judged again in part
    await ingestPaths(store, [f]);
    await statusRows(store, { asOf: AS_OF });
  }
}

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: documents derived one at a time, in either order, give the store a rebuild gives`, async () => {
    const whole = await open();
    const forward = await open();
    const backward = await open();
    try {
      await ingestPaths(whole.store, files);
      const want = await derived(whole.store);
      assert.ok((want.targets as unknown[]).length > 20 && (want.issues as unknown[]).length > 0 && (want.projects as unknown[]).length > 0, 'the documents give targets, issues and projects');
      assert.ok((want.indicators as Array<{ id: string }>).some((i) => i.id.startsWith('m:新建家庭养老床位')), 'a metric of its own is followed');
      await oneByOne(forward.store, files);
      assert.deepEqual(await derived(forward.store), want);
      await oneByOne(backward.store, [...files].reverse());
      assert.deepEqual(await derived(backward.store), want);
    } finally {
      await Promise.all([whole.close(), forward.close(), backward.close()]);
    }
  });

  test(`${kind}: a document stored and not derived (a crash before its refresh) is derived by the next refresh, alone`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, files.slice(0, 3));
      // as storeFile leaves it: the document queued
      const { storeFile, contentHash } = await import('../../src/store/ingest.js');
      const { readSource } = await import('../../src/read/index.js');
      const { structure } = await import('../../src/structure/index.js');
      const { extract } = await import('../../src/extract/index.js');
      const source = await readSource(files[3]);
      await storeFile(store, extract(structure(source)), await contentHash(files[3]));
      assert.equal((await store.selectFrom('derive_queue').selectAll().execute()).length, 1);
      const before = (await statusRows(store, { asOf: AS_OF })).length;
      const r = await refresh(store);
      assert.equal(r.how, 'documents');
      // the bulletin revises 蓝湖市's figure: only that region's statuses are out of date
      assert.deepEqual([...new Set((await store.selectFrom('status_dirty').select('region').execute()).map((d) => d.region))], ['蓝湖市']);
      assert.ok(r.actuals > 0);
      assert.equal((await store.selectFrom('derive_queue').selectAll().execute()).length, 0);
      assert.ok((await statusRows(store, { asOf: AS_OF })).length >= before);
      // nothing left to do
      assert.deepEqual(await refresh(store), { how: 'documents', links: 0, targets: 0, actuals: 0, issues: 0 });
    } finally {
      await close();
    }
  });
}
