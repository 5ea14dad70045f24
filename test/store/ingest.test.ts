// Ingest on every store: idempotent by content hash, a broken file named while the others are stored,
// the original text kept, records and derived targets and actuals in place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/cli/ingest.js';
import { storeKinds } from './stores.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const count = async (store: any, table: string) => Number((await store.selectFrom(table).select((e: any) => e.fn.countAll().as('n')).executeTakeFirst()).n);

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: ingest stores documents, facts, tasks, table rows, and keeps the original text`, async () => {
    const { store, close } = await open();
    try {
      const out = await ingestPaths(store, [samples]);
      assert.deepEqual(out.map((o) => o.status), ['stored', 'stored', 'stored']);
      assert.ok((await count(store, 'documents')) >= 6);
      assert.ok((await count(store, 'facts')) > 20);
      assert.ok((await count(store, 'tasks')) > 3);
      assert.ok((await count(store, 'table_rows')) >= 9);
      const src = await store.selectFrom('sources').selectAll().where('file', 'like', '%规划纲要%').executeTakeFirstOrThrow();
      const fact = await store.selectFrom('facts').innerJoin('documents', 'documents.id', 'facts.document_id').select(['facts.line', 'facts.value', 'documents.content_hash']).where('documents.content_hash', '=', src.content_hash).executeTakeFirstOrThrow();
      const line = src.text.split('\n')[fact.line - 1];
      assert.ok(line.replace(/\s/g, '').includes(String(fact.value)), `line ${fact.line} "${line}" shows ${fact.value}`);
    } finally {
      await close();
    }
  });

  test(`${kind}: re-ingesting the same files changes nothing`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [samples]);
      const before = await Promise.all(['documents', 'facts', 'tasks', 'targets', 'actuals', 'links'].map((t) => count(store, t)));
      const again = await ingestPaths(store, [samples]);
      assert.deepEqual(again.map((o) => o.status), ['unchanged', 'unchanged', 'unchanged']);
      const after = await Promise.all(['documents', 'facts', 'tasks', 'targets', 'actuals', 'links'].map((t) => count(store, t)));
      assert.deepEqual(after, before);
    } finally {
      await close();
    }
  });

  test(`${kind}: a directory with one broken file stores all the others and names the broken one`, async () => {
    const { store, close } = await open();
    const dir = mkdtempSync(join(tmpdir(), 'lantu-ingest-'));
    try {
      copyFileSync(join(samples, '01-蓝湖市2025年政府工作报告.txt'), join(dir, 'a.txt'));
      writeFileSync(join(dir, 'b-broken.pdf'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0x01, 0x02, 0xff]));
      copyFileSync(join(samples, '02-蓝湖市十五五规划纲要.txt'), join(dir, 'c.txt'));
      const out = await ingestPaths(store, [dir]);
      assert.deepEqual(out.map((o) => [o.file.split('/').pop(), o.status]), [['a.txt', 'stored'], ['b-broken.pdf', 'failed'], ['c.txt', 'stored']]);
      const failed = out[1] as { reason: string };
      assert.match(failed.reason, /PDF/);
      assert.equal(await count(store, 'documents'), 2);
    } finally {
      await close();
    }
  });

  test(`${kind}: a plan table gives baselines and targets; a report gives actuals and targets`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [samples]);
      const targets = await store.selectFrom('targets').selectAll().where('region', '=', '蓝湖市').execute();
      assert.ok(targets.some((t) => t.source_kind === 'row' && t.year === 2025), 'targets of 表 1-1 for 2025');
      assert.ok(targets.some((t) => t.source_kind === 'fact' && t.indicator_id === 'gdp-growth' && t.year === 2025), 'the 2025 GDP growth target of the work report');
      const actuals = await store.selectFrom('actuals').selectAll().where('region', '=', '蓝湖市').execute();
      assert.ok(actuals.some((a) => a.vintage === 'estimate'), 'an estimate (预计数 *) is marked');
    } finally {
      await close();
    }
  });
}

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: target ids stay the same when other documents are added, and reported actuals survive`, async () => {
    const { store, close } = await open();
    const dir = mkdtempSync(join(tmpdir(), 'lantu-ids-'));
    try {
      copyFileSync(join(samples, '02-蓝湖市十五五规划纲要.txt'), join(dir, 'plan.txt'));
      await ingestPaths(store, [join(dir, 'plan.txt')]);
      const before = (await store.selectFrom('targets').select('id').execute()).map((t) => t.id).sort();
      const t = await store.selectFrom('targets').selectAll().executeTakeFirstOrThrow();
      await store
        .insertInto('actuals')
        .values({ id: 'update:x', indicator_id: t.indicator_id, region: t.region, year: t.year, value: 1, measure: t.measure, vintage: 'reported', source_kind: 'update', source_id: 'x', document_id: null, line: null, reported: '2026-01-01', basis: 'year', period_from: null, period_to: null })
        .execute();
      await ingestPaths(store, [samples]);
      const after = new Set((await store.selectFrom('targets').select('id').execute()).map((x) => x.id));
      assert.ok(before.length > 5 && before.every((id) => after.has(id)), 'every earlier target id is still there');
      assert.ok(await store.selectFrom('actuals').select('id').where('id', '=', 'update:x').executeTakeFirst(), 'the reported actual is kept');
    } finally {
      await close();
    }
  });
}
