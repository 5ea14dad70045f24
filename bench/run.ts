// npm run bench (npm run bench -- --scale N: a generated country, see scale.ts): throughput over the corpus (../shared/corpus) repeated 20 times, on one core, with
// peak memory: reading + structure, and the full extraction (read + structure + facts + tasks); the cost
// of large files, each in a process of its own so its peak RSS is its own: a DOCX of 100,000 paragraphs
// read and extracted, a 50 MB text ingested. Falls back to the project's samples when ../shared is absent.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../src/read/index.js';
import { structure, structureEach } from '../src/structure/index.js';
import { extract, extractEach } from '../src/extract/index.js';
import { tmpdir } from 'node:os';
import { openStore } from '../src/store/db.js';
import { ingestPaths } from '../src/cli/ingest.js';
import { benchWeb, serveApart } from './web.js';
import { readSource } from '../src/read/index.js';
import { makeBigDocx } from '../test/read/big-docs.js';

// npm run bench -- --scale N: the generated country instead (bench/scale.ts)
if (process.argv.includes('--scale')) {
  await import('./scale.js');
  process.exit(0);
}

// a child of the large-file measurements: one file, then its time and the process's peak RSS as JSON
if (process.argv[2] === '--large') {
  const [what, file] = process.argv.slice(3);
  const t0 = performance.now();
  let detail = '';
  if (what === 'extract') {
    // as `lantu extract` reads a file: one document at a time
    let facts = 0;
    for (const d of extractEach(structureEach(await readSource(file))).documents) facts += d.record.facts?.length ?? 0;
    detail = `${facts} facts`;
  } else {
    const store = await openStore({ url: '', dataDir: mkdtempSync(join(tmpdir(), 'lantu-bench-large-')) });
    // as `lantu ingest` does: stored, derived, judged
    const [o] = await ingestPaths(store, [file]);
    await store.destroy();
    detail = o.status === 'failed' ? `failed: ${o.reason}` : `${o.status}, ${o.documents} documents`;
  }
  console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, peakMiB: process.resourceUsage().maxRSS / 1024, detail }));
  process.exit(0);
}

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

/** The built CLI, which users run: large files are read by it when it is built (tsx's transpiler adds some 60 MB of RSS). */
const builtCli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
/** Prints the process's peak RSS as the child's last line on stderr when it exits. */
const PEAK_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write(JSON.stringify({peakMiB:process.resourceUsage().maxRSS/1024})+'\\n'))`;

/**
 * A large file by the built CLI as users run it: `lantu ingest FILE` into a new embedded store, or `lantu
 * extract --json FILE` (its output to /dev/null); its time and peak RSS as the --large child prints them.
 */
function byCli(what: 'extract' | 'ingest', file: string): { status: number | null; stdout: string; stderr: string } {
  const t0 = performance.now();
  const args = what === 'ingest' ? ['ingest', file] : ['extract', '--json', file];
  const out = what === 'ingest' ? 'pipe' : openSync('/dev/null', 'w');
  const r = spawnSync(process.execPath, ['--import', PEAK_HOOK, builtCli, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, LANTU_DATA_DIR: mkdtempSync(join(tmpdir(), 'lantu-bench-large-')), LANTU_DATABASE_URL: '' },
  });
  if (typeof out === 'number') closeSync(out);
  const peak = JSON.parse(r.stderr.trim().split('\n').pop() ?? '{}') as { peakMiB?: number };
  const said = (r.stdout ?? '').split('\n').filter((l) => l.startsWith('ingested')).pop() ?? '';
  const detail = what === 'ingest' ? `lantu ingest (built): ${/\d+ documents/.exec(said)?.[0] ?? said}` : 'lantu extract --json (built), the JSON to /dev/null';
  return { ...r, stdout: JSON.stringify({ seconds: (performance.now() - t0) / 1000, peakMiB: peak.peakMiB, detail }) };
}

/** One large file measured in a process of its own. */
function large(label: string, what: 'extract' | 'ingest', file: string, goal: string): void {
  const r = existsSync(builtCli) ? byCli(what, file) : spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--large', what, file], { encoding: 'utf8' });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !line.startsWith('{')) {
    console.log(`${label}: failed (${r.stderr.trim().split('\n').slice(-3).join(' ')})`);
    return;
  }
  const m = JSON.parse(line) as { seconds: number; peakMiB: number; detail: string };
  console.log(`${label}: ${m.seconds.toFixed(1)} s, peak RSS ${m.peakMiB.toFixed(0)} MiB (${m.detail}; goal ${goal})`);
}

const largeDir = mkdtempSync(join(tmpdir(), 'lantu-bench-large-'));
const bigDocx = join(largeDir, 'paragraphs-100000.docx');
makeBigDocx(100_000, bigDocx);
large('DOCX of 100,000 paragraphs, read + structure + extraction', 'extract', bigDocx, 'seconds, < 400 MiB');
// the bench's own texts repeated to 50 MB: one file of many real documents' text
const bigTxt = join(largeDir, 'text-50MB.txt');
const texts = files.map((f) => decodeText(f.bytes).text);
const parts: string[] = [];
for (let size = 0, i = 0; size < 50e6; i++) {
  parts.push(texts[i % texts.length]);
  size += Buffer.byteLength(texts[i % texts.length]) + 2;
}
writeFileSync(bigTxt, parts.join('\n\n'));
large('a 50 MB text, ingested into a new embedded store', 'ingest', bigTxt, '< 400 MiB');

// the pages of the corpus store (the samples without ../shared), one client and 20 at once (goal p95 < 100 ms),
// served by `lantu serve` in a process of its own; then the same with nothing kept between requests (what the
// first request after a change costs)
const webDocs = existsSync(join(root, '../shared/corpus')) ? join(root, '../shared/corpus') : join(root, 'samples');
const webDir = mkdtempSync(join(tmpdir(), 'lantu-bench-pages-'));
const webStore = await openStore({ url: '', dataDir: webDir });
await ingestPaths(webStore, [webDocs]);
const [doc] = await webStore.selectFrom('documents').select('id').orderBy('id').limit(1).execute();
const webPages = ['/', '/indicators', '/indicators/gdp-growth', `/documents/${doc.id}`, '/departments', '/supervision', '/review', `/search?q=${encodeURIComponent('生产总值')}`, '/public', '/public/data.json'];
for (const cacheMB of ['32', '0']) {
  const server = await serveApart({ LANTU_DATA_DIR: webDir, LANTU_DATABASE_URL: '', LANTU_PAGE_CACHE_MB: cacheMB });
  console.log(cacheMB === '0' ? 'pages with nothing kept between requests (LANTU_PAGE_CACHE_MB=0):' : `pages ${server ? 'served by lantu serve in a process of its own' : 'served in this process (dist/ is not built)'}:`);
  await benchWeb(cacheMB === '0' ? webPages.slice(0, 4) : webPages, { store: webStore, base: server?.base, clients: [1, 20], goal: 50, manyGoal: 100, keep: true, goalPages: webPages.slice(0, 4).filter((p) => p !== '/indicators') });
  server?.stop();
  if (!server) break;
}
await webStore.destroy();
