import { openStore } from '/work/main/src/store/db.js';
import { ingestPaths } from '/work/main/src/cli/ingest.js';
import { evaluate } from '/work/main/src/monitor/evaluate.js';
import { mkdtempSync } from 'node:fs';
const store = await openStore({ url: '', dataDir: mkdtempSync('/tmp/rep/s-') });
await ingestPaths(store, ['/work/main/samples']);
console.log(await store.selectFrom('documents').select(['id','file','title','type','region','date','seq','line_first']).execute());
const t = await store.selectFrom('targets').selectAll().execute();
console.log(t.length, t.slice(0,3));
const byDoc: Record<string, number> = {};
for (const x of t) byDoc[`${x.document_id}|${x.year}|${x.region}`] = (byDoc[`${x.document_id}|${x.year}|${x.region}`]??0)+1;
console.log(byDoc);
console.log((await store.selectFrom('tasks').selectAll().execute()).length);
console.log((await store.selectFrom('tasks').selectAll().limit(3).execute()));
console.log((await store.selectFrom('task_units').selectAll().execute()).length, (await store.selectFrom('task_units').selectAll().limit(5).execute()));
for (const asOf of ['2026-01-01', '2028-06-30']) {
const rows = await evaluate(store, { asOf });
console.log(asOf, rows.length);
for (const r of rows) console.log(r.year, r.indicator, r.target, r.latest, r.status, r.reason, r.source.file, r.source.line);
}
await store.destroy();
