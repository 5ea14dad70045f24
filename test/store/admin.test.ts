// What 014_admin keeps, on SQLite and PostgreSQL: a disabled user cannot log in or keep a session, targets
// assigned by hand survive a rebuild and a backup, registry edits are applied by every rebuild, and the
// audit log is searched with % and _ as characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storeKinds } from './stores.js';
import { ingestPaths } from '../../src/cli/ingest.js';
import { checkPassword, createUser, openSession, viewerOf } from '../../src/server/auth.js';
import { setDisabled } from '../../src/server/users.js';
import { assignedUnits, assignTarget, unitCatalogue } from '../../src/monitor/assign.js';
import { editIndicator } from '../../src/monitor/registry-edits.js';
import { useEdits } from '../../src/monitor/registry.js';
import { refresh } from '../../src/monitor/refresh.js';
import { searchAudit } from '../../src/store/audit-search.js';
import { dump } from '../../src/store/backup.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const actor = { id: 'x', username: 'tester' };

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: users disabled, targets assigned, registry edited, audit searched`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [samples]);
      const id = await createUser(store, { username: 'a', displayName: 'A', password: 'long-enough-pw', role: 'planner' });
      await createUser(store, { username: 'root', displayName: 'R', password: 'long-enough-pw', role: 'admin' });
      const sid = await openSession(store, id);
      assert.ok(await viewerOf(store, sid));
      await setDisabled(store, id, true, actor);
      assert.equal(await viewerOf(store, sid), undefined);
      assert.equal(await checkPassword(store, 'a', 'long-enough-pw'), undefined);

      const target = (await store.selectFrom('targets').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
      const unit = (await unitCatalogue(store))[0];
      await assignTarget(store, target, [unit], actor);
      await refresh(store);
      assert.deepEqual((await assignedUnits(store)).get(target), [unit], 'kept across a rebuild');
      assert.equal(((await dump(store)).target_units as unknown[]).length, 1, 'in the backup');

      await editIndicator(store, 'gdp', { name: '地区生产总值', synonyms: ['GDP', '生产总值总量'], direction: 'higher' }, actor);
      useEdits([]);
      await refresh(store);
      const row = await store.selectFrom('indicators').select('synonyms').where('id', '=', 'gdp').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(row.synonyms), ['GDP', '生产总值总量']);

      await store.insertInto('audit_log').values({ id: 'pct', at: '2026-01-01T00:00:00Z', user_id: null, username: 'u', action: 'x', entity: 'e', entity_id: '100%_done', before: null, after: null }).execute();
      assert.deepEqual((await searchAudit(store, { q: '0%_d', page: 1 })).rows.map((r) => r.id), ['pct']);
      assert.deepEqual((await searchAudit(store, { q: '1_0', page: 1 })).rows.map((r) => r.id), [], '_ is not a wildcard');
      assert.ok((await searchAudit(store, { action: 'target-assign', page: 1 })).rows.length === 1);
    } finally {
      useEdits([]);
      await close();
    }
  });
}
