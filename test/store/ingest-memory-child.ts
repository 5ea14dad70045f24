// Child of ingest-memory.test.ts: ingests one file into a new embedded store and prints the outcome and
// the process's peak RSS as JSON (run with a small --max-old-space-size by the test).
import { openStore } from '../../src/store/db.js';
import { ingestFile } from '../../src/cli/ingest.js';

const [file, dataDir] = process.argv.slice(2);
const store = await openStore({ url: '', dataDir });
const out = await ingestFile(store, file);
const documents = await store.selectFrom('documents').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
await store.destroy();
console.log(JSON.stringify({ ...out, stored: Number(documents.n), peakMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
