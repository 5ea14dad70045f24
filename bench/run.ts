// npm run bench: throughput over the corpus (../shared/corpus) repeated 20 times, on one core, with
// peak memory: reading + structure, and the full extraction (read + structure + facts + tasks).
// Falls back to the project's samples when ../shared is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../src/read/index.js';
import { structure } from '../src/structure/index.js';
import { extract } from '../src/extract/index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { openStore } from '../src/store/db.js';
import { ingestPaths } from '../src/cli/ingest.js';
import { benchWeb } from './web.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
const dir = existsSync(corpus) ? corpus : join(root, 'samples');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ file: f, bytes: readFileSync(join(dir, f)) }));
const REPEAT = Number(process.env.LANTU_BENCH_REPEAT ?? 20);

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const timer = setInterval(sample, 5);

// warm-up: compile regular expressions, load vocabularies
for (const f of files) extract(structure({ file: f.file, format: 'txt', text: decodeText(f.bytes).text }));

function run(label: string, full: boolean, goal: number): void {
  let bytes = 0;
  let documents = 0;
  const t0 = performance.now();
  for (let r = 0; r < REPEAT; r++) {
    for (const f of files) {
      const { text } = decodeText(f.bytes);
      const s = structure({ file: f.file, format: 'txt', text });
      if (full) extract(s);
      documents += s.documents.length;
      bytes += f.bytes.length;
      sample();
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const mb = bytes / 1e6;
  console.log(`${label}: ${files.length} files from ${dir} × ${REPEAT}`);
  console.log(`  ${mb.toFixed(1)} MB, ${documents} documents in ${seconds.toFixed(2)} s → ${(mb / seconds).toFixed(2)} MB/s (goal ≥ ${goal} MB/s)`);
}

run('reading+structure', false, 10);
run('full extraction (read+structure+facts+tasks)', true, 5);

// ingest of the whole corpus into a new embedded store (open + migrate + ingest + refresh), then again
const store = await openStore({ url: '', dataDir: mkdtempSync(join(tmpdir(), 'lantu-bench-')) });
let t0 = performance.now();
const out = await ingestPaths(store, [dir]);
const first = (performance.now() - t0) / 1000;
t0 = performance.now();
await ingestPaths(store, [dir]);
const again = (performance.now() - t0) / 1000;
await store.destroy();
console.log(`ingest into the embedded store: ${out.length} files in ${first.toFixed(2)} s (goal < 2 s); re-ingest ${again.toFixed(3)} s (a no-op)`);
sample();
clearInterval(timer);
console.log(`  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);

const [doc] = await (async () => {
  const s = await openStore({ url: '', dataDir: mkdtempSync(join(tmpdir(), 'lantu-bench-doc-')) });
  await ingestPaths(s, [join(root, 'samples')]);
  const d = await s.selectFrom('documents').select('id').limit(1).execute();
  await s.destroy();
  return d;
})();
await benchWeb(['/', '/indicators', '/indicators/gdp-growth', `/documents/${doc.id}`, '/departments', '/supervision', '/review', `/search?q=${encodeURIComponent('生产总值')}`, '/public', '/public/data.json']);
