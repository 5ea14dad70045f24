// Our own gold for passages of ../shared/corpus-regions (test/gold/regions: review and target
// paragraphs of four provinces' 2025 work reports, DOCX), scored by ../shared/tools/score.mjs.
// Skipped when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extractFiles } from '../../src/cli/extract.js';

const shared = fileURLToPath(new URL('../../../shared', import.meta.url));
const gold = fileURLToPath(new URL('../gold/regions', import.meta.url));
const present = existsSync(join(shared, 'corpus-regions')) && existsSync(join(shared, 'tools', 'score.mjs'));

// Full F1 reached: 1.0 (77 of 77, review and target paragraphs alike), a little under it here.
const FULL_FLOOR = 0.97;

interface Gold { file: string; line: number; modality: string }
const goldFacts = (): Gold[] => readFileSync(join(gold, 'facts.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

async function predictions(): Promise<{ documents: Array<{ file: string; facts: Array<{ line: number; modality: string }> }> }> {
  const files = [...new Set(goldFacts().map((g) => g.file))].map((f) => join(shared, 'corpus-regions', f));
  const { files: done, errors } = await extractFiles(files);
  assert.deepEqual(errors, []);
  return { documents: done.flatMap((f) => f.documents.map((d) => d.record)) } as never;
}

function score(pred: unknown): Record<string, any> {
  const out = join(mkdtempSync(join(tmpdir(), 'lantu-regions-')), 'pred.json');
  writeFileSync(out, JSON.stringify(pred));
  return JSON.parse(execFileSync(process.execPath, [join(shared, 'tools', 'score.mjs'), '--pred', out, '--gold', gold, '--json'], { encoding: 'utf8' }));
}

test('regions gold: every number of the passages found, with its unit and size', { skip: !present && '../shared absent: regions gold skipped' }, async () => {
  const r = score(await predictions());
  assert.ok(r['facts.core'].f1 >= 0.98, `facts core F1 ${r['facts.core'].f1}`);
  assert.ok(r['facts.full'].f1 >= FULL_FLOOR, `facts full F1 ${r['facts.full'].f1}`);
});

test('regions gold: metric, measure and comparator right wherever the modality is', { skip: !present && '../shared absent: regions gold skipped' }, async () => {
  // the part of the full score this extraction owns: modality taken from the passage's gold, so
  // that a miss here is a metric, measure, comparator or unit
  const pred = await predictions();
  const g = goldFacts();
  for (const d of pred.documents) for (const f of d.facts) {
    const m = g.find((x) => d.file.endsWith(x.file) && x.line === f.line);
    if (m) f.modality = m.modality;
  }
  const r = score(pred);
  assert.ok(r['facts.full'].f1 >= 0.95, `facts full F1 (modality aside) ${r['facts.full'].f1}`);
});
