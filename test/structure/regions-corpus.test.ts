// Region (with its GB/T 2260 code), level, type and year of every national work report of
// ../shared/corpus-national and every provincial one of ../shared/corpus-regions (DOCX as published), the
// way ../shared/tools/check-regions.mjs checks them; and their review parts found under their headings.
// Skipped when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSource } from '../../src/read/index.js';
import { structure, type StructuredDocument } from '../../src/structure/index.js';
import { flatten } from '../../src/structure/outline.js';

const shared = fileURLToPath(new URL('../../../shared', import.meta.url));
const dirs = ['corpus-national', 'corpus-regions'].map((d) => join(shared, d));
const present = dirs.every((d) => existsSync(d));
const skip = !present && '../shared/corpus-national or corpus-regions absent: region corpus tests skipped';

/** The provinces of corpus-regions as their file names write them, with full name and code. */
const PROVINCES: Record<string, [string, string]> = {
  上海市: ['上海市', '310000'],
  云南省: ['云南省', '530000'],
  内蒙古自治区: ['内蒙古自治区', '150000'],
  北京市: ['北京市', '110000'],
  安徽省: ['安徽省', '340000'],
  山东省: ['山东省', '370000'],
  新疆: ['新疆维吾尔自治区', '650000'],
  江苏省: ['江苏省', '320000'],
  湖北省: ['湖北省', '420000'],
  湖南省: ['湖南省', '430000'],
  甘肃省: ['甘肃省', '620000'],
  福建省: ['福建省', '350000'],
};

async function firstDocuments(): Promise<Array<{ file: string; doc: StructuredDocument }>> {
  const out: Array<{ file: string; doc: StructuredDocument }> = [];
  for (const dir of dirs) {
    for (const f of readdirSync(dir).filter((x) => /\.(txt|docx)$/.test(x)).sort()) {
      out.push({ file: f, doc: structure(await readSource(join(dir, f))).documents[0] });
    }
  }
  return out;
}

test('every corpus report: region with its code, level, type and year', { skip }, async () => {
  const docs = await firstDocuments();
  assert.ok(docs.length >= 21, `${docs.length} documents`);
  for (const { file, doc } of docs) {
    const d = doc.record;
    const m = /^(\d{4})年(.*?)政府工作报告\.(txt|docx)$/.exec(file);
    assert.ok(m, file);
    const [name, code, level] = m[2] ? [...PROVINCES[m[2]], 'province'] : ['中华人民共和国', '100000', 'national'];
    assert.deepEqual(
      { region: d.region, code: d.regionCode, level: d.level, type: d.type, year: d.date?.slice(0, 4) },
      { region: name, code, level, type: '政府工作报告', year: m[1] },
      file,
    );
    assert.equal(d.issuer, level === 'national' ? '国务院' : `${name}人民政府`, file);
  }
});

test('every corpus report: its 工作回顾 heading is a section of the review part', { skip }, async () => {
  let reviews = 0;
  for (const { file, doc } of await firstDocuments()) {
    const review = flatten(doc.record.sections).find((s) => /工作回顾$/.test(s.title));
    if (!review) continue;
    reviews++;
    assert.equal(review.part, 'review', `${file}: ${review.title}`);
  }
  assert.ok(reviews >= 19, `${reviews} reviews`); // 2011 and 福建 word their reviews otherwise
});

test('DOCX reports: headings and 来源 lines are paragraphs of their own', { skip }, async () => {
  for (const { file, doc } of (await firstDocuments()).filter((x) => x.file.endsWith('.docx'))) {
    for (const b of doc.blocks) {
      assert.doesNotMatch(b.text, /^来源[：:].{0,12}各位代表/, `${file}:${b.line}`);
      assert.doesNotMatch(b.text, /^[一二三]、\d{4}年工作回顾./, `${file}:${b.line}`);
    }
  }
});
