// The statuses of `lantu status --json` scored against ../shared/gold (STATUS.md) on the reference corpus
// and on the national work reports of 2005–2013, with thresholds a little under the figures reached
// (corpus 1.0, national 1.0); and the examples of issue [2/6] on the corpus, each asserted.
// Skipped when ../shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ingestPaths } from '../../src/cli/ingest.js';
import { evaluate, type StatusRow } from '../../src/monitor/evaluate.js';
import { addActuals } from '../../src/monitor/manual.js';
import { sqliteStore } from '../store/stores.js';

const shared = fileURLToPath(new URL('../../../shared', import.meta.url));
const skip = !existsSync(join(shared, 'tools', 'score-status.mjs')) && '../shared absent: status scores skipped';
const AS_OF = '2026-11-27';

async function statuses(folder: string): Promise<StatusRow[]> {
  const { store, close } = await sqliteStore();
  try {
    await ingestPaths(store, [join(shared, folder)]);
    return await evaluate(store, { asOf: AS_OF });
  } finally {
    await close();
  }
}

function score(rows: StatusRow[], gold: string): { accuracy: number } {
  const out = join(mkdtempSync(join(tmpdir(), 'lantu-status-')), 'status.json');
  writeFileSync(out, JSON.stringify({ asOf: AS_OF, statuses: rows.map((r) => r.entry) }));
  const r = JSON.parse(execFileSync(process.execPath, [join(shared, 'tools', 'score-status.mjs'), '--pred', out, '--gold', join(shared, gold), '--json', '--quiet'], { encoding: 'utf8' }));
  return r.pairs;
}

test('statuses of the corpus: accuracy against gold/statuses.jsonl', { skip }, async () => {
  const rows = await statuses('corpus');
  const s = score(rows, 'gold/statuses.jsonl');
  assert.ok(s.accuracy >= 0.98, `accuracy ${s.accuracy}`);
  const entry = (region: string, id: string, year: number, basis = 'year') => rows.filter((r) => r.region === region && r.indicatorId === id && r.year === year && r.entry.basis === basis);
  // 2025 yearly targets of the 格尔木 report are never judged on the 十四五 figures
  const gdp = entry('格尔木市', 'gdp-growth', 2025)[0].entry;
  assert.deepEqual([gdp.status, gdp.actual, gdp.verdict], ['no_data', null, null]);
  assert.match(gdp.reason, /4\.13%.*年均.*口径不同/);
  const jobs = entry('格尔木市', 'new-urban-jobs', 2025)[0].entry;
  assert.deepEqual([jobs.status, jobs.actual], ['no_data', null]);
  assert.match(jobs.reason, /累计/);
  // one target stated twice is one entry; statements that disagree are its conflict, the table authoritative
  const clean = entry('格尔木市', 'clean-energy-capacity', 2030);
  assert.equal(clean.length, 1);
  assert.equal(clean[0].entry.target.sources.length, 2);
  const patents = entry('格尔木市', 'patents', 2030);
  assert.equal(patents.length, 1);
  assert.equal(patents[0].entry.target.value, 12);
  assert.deepEqual(patents[0].entry.conflict?.map((c) => c.value), [8]);
  // a 2030 target is never achieved in 2025, and has no actual
  assert.ok(rows.filter((r) => r.year === 2030).every((r) => r.status !== 'achieved' && r.entry.actual === null && r.entry.verdict === null));
  // a closed year ends met or missed: 93.7 against 93.8 is missed, not at risk
  const hukou = entry('格尔木市', 'hukou-urbanisation', 2025)[0].entry;
  assert.deepEqual([hukou.status, hukou.verdict, hukou.actual?.value], ['missed', 'missed', 93.7]);
  // "5.5以内" reported against a target "<5.5" is a bound, not the figure 5.5: it cannot tell (never "超出 0 个百分点")
  const surveyed = entry('格尔木市', 'surveyed-unemployment', 2025)[0].entry;
  assert.deepEqual([surveyed.status, surveyed.verdict, surveyed.actual?.comparator], ['not_assessable', null, 'lte']);
  assert.match(surveyed.reason, /只报了界限 ≤5\.5%，无法判断/);
  assert.ok(rows.every((r) => !/超出 0 个/.test(r.reason)));
  // the figure shown as latest is the figure the reason names
  for (const r of rows.filter((x) => x.entry.actual)) assert.ok(r.reason.includes(String(r.entry.actual!.value)), `${r.indicator}: ${r.reason}`);
  // every entry has its region's code
  assert.ok(rows.every((r) => r.entry.region.code && /^\d{6}$/.test(r.entry.region.code)));
});

test('statuses of the national reports: accuracy against gold/national/statuses-dev.jsonl', { skip }, async () => {
  const rows = await statuses('corpus-national');
  const s = score(rows, 'gold/national/statuses-dev.jsonl');
  assert.ok(s.accuracy >= 0.97, `accuracy ${s.accuracy}`);
  assert.ok(rows.every((r) => r.region === '中华人民共和国' && r.entry.region.level === 'national'));
});

test('a figure entered by hand after the year wins over the document\'s and is judged', { skip }, async () => {
  const { store, close } = await sqliteStore();
  try {
    await ingestPaths(store, [join(shared, 'corpus', '000_d398a6f18564d189.txt')]);
    await addActuals(store, [{ indicator: 'gdp-growth', region: '格尔木市', year: 2025, value: 4.6 }]);
    // a figure entered by hand is known from the day it was entered (UTC): judged as of today, not the gold's date
    const today = new Date().toISOString().slice(0, 10);
    const gdp = (await evaluate(store, { asOf: today, indicator: 'gdp-growth' })).find((r) => r.year === 2025 && r.entry.basis === 'year')!.entry;
    assert.equal(gdp.actual?.vintage, 'manual');
    assert.equal(gdp.verdict, 'met'); // 4.6 within 0.5 of 5%左右
  } finally {
    await close();
  }
});
