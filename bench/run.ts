// npm run bench: reading + structure throughput over the corpus (../shared/corpus) repeated 20 times,
// on one core, with peak memory. Falls back to the project's samples when ../shared is absent.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../src/read/index.js';
import { structure } from '../src/structure/index.js';

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
for (const f of files) structure({ file: f.file, format: 'txt', text: decodeText(f.bytes).text });

let bytes = 0;
let documents = 0;
const t0 = performance.now();
for (let r = 0; r < REPEAT; r++) {
  for (const f of files) {
    const { text } = decodeText(f.bytes);
    documents += structure({ file: f.file, format: 'txt', text }).documents.length;
    bytes += f.bytes.length;
    sample();
  }
}
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
const mb = bytes / 1e6;
console.log(`reading+structure: ${files.length} files from ${dir} × ${REPEAT}`);
console.log(`  ${mb.toFixed(1)} MB, ${documents} documents in ${seconds.toFixed(2)} s → ${(mb / seconds).toFixed(2)} MB/s (goal ≥ 10 MB/s)`);
console.log(`  peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
