import { openStore } from '/work/main/src/store/db.js';
import { ingestPaths } from '/work/main/src/cli/ingest.js';
import { mkdtempSync } from 'node:fs';
const store = await openStore({ url: '', dataDir: mkdtempSync('/tmp/rep/s-') });
await ingestPaths(store, ['/work/main/samples']);
console.log(await store.selectFrom('actuals').selectAll().where('indicator_id','in',['forest','forest-coverage']).execute());
console.log(await store.selectFrom('actuals').select(['indicator_id','year','value','vintage','measure','line','reported']).orderBy('indicator_id').execute());
await store.destroy();
