// A child of the scale bench (bench/scale.ts): adds the documents under each directory named, one
// directory after the other, to the store its environment names (LANTU_DATABASE_URL or LANTU_DATA_DIR),
// as `lantu ingest` run by a user would, in a process of its own — so that the heap the bench's process
// grew by the bulk load, which differs with the scale, is not counted. Prints the milliseconds of each as JSON.
import { openStore } from '../src/store/db.js';
import { ingestPaths } from '../src/cli/ingest.js';

const store = await openStore();
const times: number[] = [];
try {
  for (const dir of process.argv.slice(2)) {
    const t0 = performance.now();
    const out = await ingestPaths(store, [dir]);
    if (out.some((o) => o.status !== 'stored')) throw new Error(`${dir}: ${JSON.stringify(out)}`);
    times.push(performance.now() - t0);
  }
} finally {
  await store.destroy();
}
console.log(JSON.stringify(times));
