// Projects in both stores: two documents that name one project differently become one project with
// two mentions in order after ingest; ingesting again changes nothing; records stored before mentions
// were extracted get them from the stored text when the derived data is rebuilt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { readProjects } from '../../src/monitor/projects/store.js';
import { rebuild } from '../../src/monitor/refresh.js';
import { report } from '../extract/helpers.js';
import { storeKinds } from './stores.js';

const dir = mkdtempSync(join(tmpdir(), 'lantu-projects-'));
writeFileSync(join(dir, 'a.txt'), report('白石口抽水蓄能电站开工。'));
writeFileSync(join(dir, 'b.txt'), report('各项工作有序推进。', '加快白石口 240 万千瓦抽蓄建设进度。').replace('蓝湖市', '蓝田县'));

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: one project from two documents, its timeline in order, the same after a second ingest`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [dir]);
      const read = async () => readProjects(store, { name: '白石口抽蓄' });
      const [p, ...rest] = await read();
      assert.equal(rest.length, 0);
      assert.equal(p.core, '白石口抽水蓄能电站');
      assert.equal(p.capacity, '240万千瓦');
      assert.deepEqual(p.timeline.map((m) => [m.year, m.stageWords, m.file]), [[2024, '开工', 'a.txt'], [2025, '加快建设', 'b.txt']]);
      assert.equal(p.stageWords, '开工');
      await ingestPaths(store, [dir]);
      assert.deepEqual(await read(), [p]);
      assert.deepEqual(await readProjects(store, { id: p.id }), [p]);
      // a store filled before mentions were extracted: the refresh reads them from the stored text
      for (const d of await store.selectFrom('documents').select(['id', 'record']).execute()) {
        const { mentions: _m, ...rec } = JSON.parse(d.record);
        await store.updateTable('documents').set({ record: JSON.stringify(rec) }).where('id', '=', d.id).execute();
      }
      await store.deleteFrom('projects').execute();
      assert.deepEqual(await read(), []);
      await rebuild(store);
      assert.deepEqual(await read(), [p]);
    } finally {
      await close();
    }
  });
}
