// The reference corpus (../shared, next to the repository): documents against the gold annotations, field by
// field as ../shared/tools/score.mjs compares them, and the outline of the five-year plan. Skipped when the
// corpus is not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentRecord, Section } from '../../src/model/records.js';
import { structure } from '../../src/structure/index.js';
import { flatten } from '../../src/structure/outline.js';
import { REPO, source } from '../fixtures/texts.js';

const SHARED = path.join(REPO, '..', 'shared');
const CORPUS = path.join(SHARED, 'corpus');
const GOLD = path.join(SHARED, 'gold', 'documents.json');
const present = fs.existsSync(SHARED) && fs.existsSync(CORPUS) && fs.existsSync(GOLD);
const SKIP = '../shared absent: corpus tests skipped';

interface GoldDoc {
  lines: [number, number];
  title: string;
  type?: string;
  region?: string;
  docNumber?: string;
  date?: string;
  issuer?: string;
}

// the scorer's text normalisation: spaces and punctuation removed
const PUNCT = /[\s\u3000“”‘’"'《》〈〉「」『』（）()[\]【】、，,。.;；:：!！?？·…—\-_/\\*]/g;
const normText = (s: unknown) => String(s ?? '').replace(PUNCT, '');
const same = (s: unknown) => String(s ?? '');
const FIELDS: Record<string, (s: unknown) => string> = { docNumber: normText, date: same, issuer: normText, title: normText, type: same, region: normText };

let cache: Map<string, DocumentRecord[]> | undefined;
/** Every corpus file structured once. */
function corpus(): Map<string, DocumentRecord[]> {
  if (!cache) {
    cache = new Map();
    for (const f of fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(CORPUS, f), 'utf8');
      cache.set(f, structure(source(text, path.join(CORPUS, f))).documents.map((d) => d.record));
    }
  }
  return cache;
}

test('every corpus file structures into documents', (t) => {
  if (!present) return t.skip(SKIP);
  const all = corpus();
  assert.equal(all.size, 5);
  for (const [f, docs] of all) {
    assert.ok(docs.length >= 1, f);
    for (const d of docs) assert.equal(d.file, f);
  }
});

const gold: Record<string, GoldDoc[]> = present ? JSON.parse(fs.readFileSync(GOLD, 'utf8')) : {};

for (const [file, golds] of Object.entries(gold)) {
  test(`${file}: the gold documents, one each, first line within ±3`, (t) => {
    if (!present) return t.skip(SKIP);
    const docs = corpus().get(file) ?? [];
    assert.equal(docs.length, golds.length, docs.map((d) => `${d.lines[0]} ${d.title}`).join('\n'));
    golds.forEach((g, i) => assert.ok(Math.abs(docs[i].lines[0] - g.lines[0]) <= 3, `${g.title}: starts at ${docs[i].lines[0]}, gold ${g.lines[0]}`));
  });

  test(`${file}: the fields the scorer checks`, (t) => {
    if (!present) return t.skip(SKIP);
    const docs = corpus().get(file) ?? [];
    const wrong: string[] = [];
    for (const g of golds) {
      const d = docs.find((x) => Math.abs(x.lines[0] - g.lines[0]) <= 3);
      if (!d) {
        wrong.push(`${g.lines[0]} missing`);
        continue;
      }
      for (const [k, norm] of Object.entries(FIELDS)) {
        const want = (g as unknown as Record<string, unknown>)[k];
        if (want === undefined) continue;
        const got = (d as unknown as Record<string, unknown>)[k];
        if (norm(got) !== norm(want)) wrong.push(`${g.lines[0]} ${k}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
}

/** The five-year plan's outline: its sections with their parents. */
function planSections(): Array<{ s: Section; parent?: Section }> {
  const plan = [...corpus().entries()].find(([f]) => f.startsWith('001_'))![1];
  assert.equal(plan.length, 1);
  const out: Array<{ s: Section; parent?: Section }> = [];
  const walk = (list: Section[], parent?: Section) => list.forEach((s) => (out.push({ s, parent }), walk(s.children, s)));
  walk(plan[0].sections);
  return out;
}
const kind = (k: string) => planSections().filter(({ s }) => s.kind === k);

test('001 (five-year plan): 14 chapters', (t) => {
  if (!present) return t.skip(SKIP);
  assert.equal(kind('chapter').length, 14);
});

test('001: 21 专栏 boxes holding 87 items', (t) => {
  if (!present) return t.skip(SKIP);
  assert.equal(kind('box').length, 21);
  assert.equal(kind('item').filter(({ parent }) => parent?.kind === 'box').length, 87);
});

test('001: at least 190 lead heads', (t) => {
  if (!present) return t.skip(SKIP);
  assert.ok(kind('lead').length >= 190, `${kind('lead').length} leads`);
});

test('001: 30 名词解释 entries', (t) => {
  if (!present) return t.skip(SKIP);
  const entries = kind('glossary');
  assert.equal(entries.length, 30);
  assert.ok(entries.every(({ parent }) => parent?.title === '名词解释'));
});

test('001: sections nest in chapters, and the table of contents makes no sections', (t) => {
  if (!present) return t.skip(SKIP);
  const sections = planSections();
  assert.ok(kind('section').every(({ parent }) => parent?.kind === 'chapter'));
  const chapters = kind('chapter').map(({ s }) => s.lines[0]);
  assert.ok(chapters.every((l) => l > 88), `chapters start after the contents: ${chapters}`);
  assert.equal(flatten(sections.filter(({ parent }) => !parent).map(({ s }) => s)).length, sections.length);
});
