// 督办 notices are numbered per year (督办〔2026〕3号), unique however many are issued at once, on both
// stores — on PostgreSQL also from two servers (two connection pools) at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, type Store } from '../../src/store/db.js';
import { insertNumbered } from '../../src/server/routes/workflow/notice-store.js';
import { storeKinds } from './stores.js';

const notice = (id: string) => ({
  id, task_id: null, target_id: null, unit: '市农牧局', text: '请说明', reply_deadline: '2026-12-01', status: 'issued',
  reply: null, replied_by: null, replied_at: null, issued_by: 'u', issued_at: new Date().toISOString(), version: 1,
});

for (const [kind, make] of await storeKinds()) {
  test(`${kind}: twelve notices issued at once get the numbers 1 to 12 of their year; another year starts at 1`, async () => {
    const s = await make();
    const second: Store = s.url ? await openStore({ url: s.url }) : s.store;
    try {
      const stores = [s.store, second];
      const made = await Promise.all(Array.from({ length: 12 }, (_, i) => insertNumbered(stores[i % 2], notice(`n${i}`), 2026, async () => {})));
      assert.deepEqual(made.map((n) => n.number_seq).sort((a, b) => a! - b!), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      const rows = await s.store.selectFrom('notices').select(['id', 'number']).execute();
      assert.equal(new Set(rows.map((r) => r.number)).size, 12);
      assert.ok(rows.every((r) => /^督办〔2026〕\d+号$/.test(r.number!)));
      assert.equal((await insertNumbered(s.store, notice('next-year'), 2027, async () => {})).number, '督办〔2027〕1号');
      // the unique index refuses a number twice
      await assert.rejects(s.store.insertInto('notices').values({ ...notice('dup'), number_year: 2026, number_seq: 3, number: '督办〔2026〕3号' }).execute());
    } finally {
      if (second !== s.store) await second.destroy();
      await s.close();
    }
  });
}
