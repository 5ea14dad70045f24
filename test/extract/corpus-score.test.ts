// The corpus-level score against ../shared/gold, with thresholds a little under the figures reached,
// so that a regression fails CI. Skipped when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { extractFiles } from '../../src/cli/extract.js';

const shared = fileURLToPath(new URL('../../../shared', import.meta.url));
const present = existsSync(join(shared, 'corpus')) && existsSync(join(shared, 'tools', 'score.mjs'));

async function score(): Promise<Record<string, any>> {
  const files = readdirSync(join(shared, 'corpus')).sort().map((f) => join(shared, 'corpus', f));
  const { files: done, errors } = await extractFiles(files);
  assert.deepEqual(errors, []);
  const out = join(mkdtempSync(join(tmpdir(), 'lantu-score-')), 'pred.json');
  writeFileSync(out, JSON.stringify({ documents: done.flatMap((f) => f.documents.map((d) => d.record)) }));
  return JSON.parse(execFileSync(process.execPath, [join(shared, 'tools', 'score.mjs'), '--pred', out, '--json'], { encoding: 'utf8' }));
}

test('corpus score: documents, tables and facts stay at their marks', { skip: !present && '../shared absent: corpus tests skipped' }, async () => {
  const r = await score();
  assert.equal(r.documents.precision, 1);
  assert.equal(r.documents.recall, 1);
  assert.equal(r.documents.fieldAccuracy, 1);
  assert.equal(r.tables.cellAccuracy, 1);
  assert.equal(r.tables.fieldAccuracy, 1);
  assert.ok(r['facts.core'].f1 >= 0.98, `facts core F1 ${r['facts.core'].f1}`);
  assert.ok(r['facts.full'].f1 >= 0.94, `facts full F1 ${r['facts.full'].f1}`);
  assert.ok(r.tasks.exactUnits >= 0.97, `tasks exactUnits ${r.tasks.exactUnits}`);
  assert.ok(r.tasks.units.f1 >= 0.98, `task units F1 ${r.tasks.units.f1}`);
  assert.ok(r.tasks.f1 >= 0.97, `tasks F1 ${r.tasks.f1}`);
});
