// Child of ingest-memory.test.ts: ingests one file into a new embedded store, as `lantu ingest` does
// (stored, derived, judged), and prints the outcome, the documents stored, the targets derived and the
// process's peak RSS as JSON (run with a small --max-old-space-size by the test).
import { openStore } from '../../src/store/db.js';
import { ingestPaths } from '../../src/cli/ingest.js';

const [file, dataDir] = process.argv.slice(2);
const store = await openStore({ url: '', dataDir });
const [out] = await ingestPaths(store, [file]);
const count = async (table: 'documents' | 'targets') => Number((await store.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const [stored, targets] = [await count('documents'), await count('targets')];
await store.destroy();
console.log(JSON.stringify({ ...out, stored, targets, peakMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
