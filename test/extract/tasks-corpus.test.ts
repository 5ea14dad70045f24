// The reference corpus (../shared, next to the repository): the tasks of every corpus file against the gold
// tasks, scored as ../shared/tools/score.mjs scores them. Skipped when the corpus is not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Task } from '../../src/model/records.js';
import { structure } from '../../src/structure/index.js';
import { extractTasks } from '../../src/extract/tasks/index.js';
import { REPO, source } from '../fixtures/texts.js';

const SHARED = path.join(REPO, '..', 'shared');
const GOLD = path.join(SHARED, 'gold', 'tasks.jsonl');
const present = fs.existsSync(path.join(SHARED, 'corpus')) && fs.existsSync(GOLD);
const SKIP = '../shared absent: corpus tests skipped';

interface GoldTask {
  file: string;
  line: number;
  lead?: Array<string | string[]>;
  units?: Array<string | string[]>;
}
interface Passage {
  file: string;
  from: number;
  to: number;
}

// the scorer's text normalisation: spaces and punctuation removed
const PUNCT = /[\s\u3000“”‘’"'《》〈〉「」『』（）()[\]【】、，,。.;；:：!！?？·…—\-_/\\*]/g;
const norm = (s: unknown) => String(s ?? '').replace(PUNCT, '');

function score(gold: GoldTask[], preds: Array<Task & { file: string }>, passages: Passage[]) {
  const scoped = preds.filter((p) => passages.some((r) => r.file === p.file && p.line >= r.from && p.line <= r.to));
  const used = new Set<number>();
  let tp = 0, exact = 0, uTp = 0, uPred = 0, uGold = 0;
  const misses: string[] = [];
  for (const g of gold) {
    const gu = [...(g.lead ?? []), ...(g.units ?? [])].map((u) => (Array.isArray(u) ? u : [u]).map(norm));
    uGold += gu.length;
    const i = scoped.findIndex((p, j) => !used.has(j) && p.file === g.file && Math.abs(p.line - g.line) <= 2);
    if (i < 0) {
      misses.push(`MISS ${g.line}`);
      continue;
    }
    used.add(i);
    tp++;
    const pu = [...new Set([...(scoped[i].lead ?? []), ...(scoped[i].units ?? [])].map(norm))];
    uPred += pu.length;
    const taken = new Set<number>();
    let hit = 0;
    for (const u of pu) {
      const k = gu.findIndex((a, j) => !taken.has(j) && a.includes(u));
      if (k >= 0) {
        taken.add(k);
        hit++;
      }
    }
    uTp += hit;
    if (hit === gu.length && hit === pu.length) exact++;
    else misses.push(`UNITS ${g.line} got [${pu.join(' ')}]`);
  }
  const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
  const up = uTp / (uPred || 1), ur = uTp / (uGold || 1);
  return { precision: tp / (scoped.length || 1), recall: tp / gold.length, exactUnits: exact / gold.length, unitP: up, unitR: ur, unitF1: f1(up, ur), misses };
}

test('corpus: tasks and their units against the gold', { skip: present ? false : SKIP }, () => {
  const gold: GoldTask[] = fs.readFileSync(GOLD, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const passages: Passage[] = JSON.parse(fs.readFileSync(path.join(SHARED, 'gold', 'task-passages.json'), 'utf8'));
  const preds: Array<Task & { file: string }> = [];
  for (const file of new Set(gold.map((g) => g.file))) {
    const s = structure(source(fs.readFileSync(path.join(SHARED, 'corpus', file), 'utf8'), file));
    for (const d of s.documents) for (const t of extractTasks(d.blocks, s.index, { date: d.record.date })) preds.push({ ...t, file });
  }
  const r = score(gold, preds, passages);
  const msg = JSON.stringify(r);
  assert.ok(r.recall >= 0.97 && r.precision >= 0.97, msg);
  assert.ok(r.exactUnits >= 0.95, msg);
  assert.ok(r.unitF1 >= 0.98 && r.unitP >= 0.98, msg);
});

test('corpus: every task names a unit, outside the annotated passages too', { skip: present ? false : SKIP }, () => {
  const file = '004_02ee0d497d33db2e.txt';
  const s = structure(source(fs.readFileSync(path.join(SHARED, 'corpus', file), 'utf8'), file));
  const tasks = s.documents.flatMap((d) => extractTasks(d.blocks, s.index, { date: d.record.date }));
  assert.ok(tasks.length >= 100);
  for (const t of tasks) assert.ok((t.lead?.length ?? 0) + (t.units?.length ?? 0) > 0, JSON.stringify(t));
  // the units of 28号 are led ("牵头落实") and supported ("分工配合")
  const t = tasks.find((x) => x.title === '开展化工企业老旧装置安全风险评估')!;
  assert.deepEqual([t.lead, t.support], [['市应急管理局'], ['市消防救援支队']]);
});
