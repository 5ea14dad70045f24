// On every national and provincial work report of ../shared: no number of a review part is read as a
// target, except a target the review itself restates ("没有实现年初确定的…4%左右的目标", "力争"). Skipped
// when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractFiles } from '../../src/cli/extract.js';
import type { Section } from '../../src/model/records.js';

const shared = fileURLToPath(new URL('../../../shared', import.meta.url));
const folders = ['corpus-national', 'corpus-regions'].map((f) => join(shared, f));
const skip = !folders.every(existsSync) && '../shared absent: review parts not checked';

const reviews = (ss: Section[]): Array<[number, number]> => ss.flatMap((s) => [...(s.part === 'review' ? [s.lines] : []), ...reviews(s.children)]);

test('numbers of review parts are actuals, on every national and provincial report', { skip }, async () => {
  const files = folders.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|docx)$/.test(f)).map((f) => join(d, f)));
  const { files: done, errors } = await extractFiles(files);
  assert.deepEqual(errors, []);
  let checked = 0;
  const wrong: string[] = [];
  for (const f of done)
    for (const { record: d } of f.documents) {
      const parts = reviews(d.sections);
      assert.ok(parts.length, `${d.file}: a review part`);
      const text = f.source.text.split('\n');
      for (const x of d.facts ?? []) {
        if (!parts.some(([a, b]) => a <= x.line && x.line <= b)) continue;
        checked++;
        const restated = /的(?:预期)?目标|力争/.test(text[x.line - 1] ?? '');
        if (x.modality !== 'actual' && !restated) wrong.push(`${d.file}:${x.line} ${x.metric} ${x.value}`);
      }
    }
  assert.ok(checked > 2000, `${checked} review numbers`);
  assert.deepEqual(wrong, []);
});
