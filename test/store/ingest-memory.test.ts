// Memory stays bounded on a large input: a generated text of about 8 MB holding some 1,500 documents
// (the samples repeated) is ingested — stored, derived and judged, as `lantu ingest` does — by a child
// process whose JavaScript heap is capped far below what holding the whole file's repaired lines,
// paragraphs, records and search lines at once needs, or deriving all its documents at once: the ingest
// before documents were made and stored one at a time ran out of heap under it, and so did the one that
// derived a new store's documents in one rebuild (over 128 MiB; in batches of 100, 96 are enough). The
// figures for a 50 MB text (time, peak RSS) are `npm run bench`'s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
const child = fileURLToPath(new URL('./ingest-memory-child.ts', import.meta.url));
/** MiB of JavaScript heap (old space) the child may use. */
const HEAP_CAP = 96;

test(`an 8 MB text of 1,500 documents is ingested with a heap capped at ${HEAP_CAP} MiB`, { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-memory-'));
  const texts = readdirSync(samples).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(samples, f), 'utf8'));
  const parts: string[] = [];
  for (let size = 0, i = 0; size < 8e6; i++) {
    // each copy its own year, so that the documents are not all the same text
    const t = texts[i % texts.length].replace(/2025年/g, `${2025 + (i % 50)}年`);
    parts.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  const file = join(dir, 'big.txt');
  writeFileSync(file, parts.join('\n\n'));
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_CAP}`, '--import', 'tsx', child, file, join(dir, 'store')], { encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  assert.equal(r.status, 0, `the child failed: ${r.stderr.split('\n').filter((l) => /heap|Error|lantu/.test(l)).slice(0, 5).join('\n')}`);
  const out = JSON.parse(last) as { status: string; documents: number; stored: number; targets: number; peakMiB: number };
  assert.equal(out.status, 'stored');
  assert.ok(out.documents >= 1400, `${out.documents} documents`);
  assert.equal(out.stored, out.documents);
  assert.ok(out.targets > 20_000, `${out.targets} targets derived`);
});
