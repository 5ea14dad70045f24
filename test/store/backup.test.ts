// Backup → restore into an empty store → identical data, from every store into every store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/cli/ingest.js';
import { backup, dump, restore } from '../../src/store/backup.js';
import { evaluate } from '../../src/monitor/evaluate.js';
import { addActuals } from '../../src/monitor/manual.js';
import { createUser } from '../../src/server/auth.js';
import { storeKinds } from './stores.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const kinds = await storeKinds();

for (const [from, openFrom] of kinds) {
  for (const [to, openTo] of kinds) {
    test(`backup from ${from}, restore into ${to}: identical data and statuses`, async () => {
      const a = await openFrom();
      const b = await openTo();
      try {
        await ingestPaths(a.store, [samples]);
        await addActuals(a.store, [{ indicator: '地区生产总值增长', region: '蓝湖市', year: 2025, value: 5.9 }]);
        await createUser(a.store, { username: 'planner', displayName: '规划科', password: 'correct-horse-battery', role: 'planner' });
        const file = join(mkdtempSync(join(tmpdir(), 'lantu-backup-')), 'store.lantu.gz');
        await backup(a.store, file);
        await restore(b.store, file);
        assert.deepEqual(await dump(b.store), await dump(a.store));
        assert.deepEqual(await evaluate(b.store, { asOf: '2026-01-01' }), await evaluate(a.store, { asOf: '2026-01-01' }));
        await assert.rejects(restore(b.store, file), /not empty/);
      } finally {
        await a.close();
        await b.close();
      }
    });
  }
}

test('a file that is not a backup is refused with its name', async () => {
  const [, open] = kinds[0];
  const s = await open();
  try {
    const file = join(mkdtempSync(join(tmpdir(), 'lantu-backup-')), 'not.gz');
    writeFileSync(file, 'hello');
    await assert.rejects(restore(s.store, file), new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not a Lantu backup`));
  } finally {
    await s.close();
  }
});
