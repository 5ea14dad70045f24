// The monitoring commands through the real CLI on an embedded store in a temporary data directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli, root } from './run.js';

const lantu = cli('lantu-cli-');

test('ingest, then again: stored, then unchanged', () => {
  const first = lantu('ingest', join(root, 'samples'));
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /3 file\(s\) stored/);
  const again = lantu('ingest', join(root, 'samples'));
  assert.match(again.stdout, /0 file\(s\) stored .* 3 unchanged/);
});

test('status --json as STATUS.md defines it: every distinct target with its sources, basis, status, verdict and reason', () => {
  const r = lantu('status', '--json', '--region', '蓝湖市', '--as-of', '2026-11-27');
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    asOf: string;
    statuses: Array<{ status: string; verdict: string | null; reason: string; basis: string; year: number; region: { name: string; level: string }; indicator: { id: string; name: string }; target: { sources: Array<{ file: string; line: number; quote: string }> }; actual: { year: number; basis: string } | null }>;
  };
  assert.equal(out.asOf, '2026-11-27');
  const rows = out.statuses;
  assert.ok(rows.length > 10);
  assert.ok(rows.every((x) => x.region.name === '蓝湖市' && x.reason && x.target.sources.every((s) => s.line > 0 && s.quote)));
  assert.ok(rows.some((x) => x.status === 'achieved' && x.verdict === 'met'));
  // the actual is of the target's own year and basis; a year not over has no verdict
  assert.ok(rows.every((x) => !x.actual || (x.actual.year === x.year && x.actual.basis === x.basis)));
  assert.ok(rows.every((x) => x.year < 2026 || x.verdict === null));
  // one entry per distinct target
  const keys = rows.map((x) => `${x.indicator.id}|${x.year}|${x.basis}`);
  assert.equal(new Set(keys).size, keys.length);
});

test('targets --indicator takes a synonym and prints the target–actual table', () => {
  const r = lantu('targets', '--indicator', '地区生产总值增长');
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /目标与完成情况：地区生产总值增长率/);
  const unknown = lantu('targets', '--indicator', '幸福指数');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown indicator "幸福指数"/);
  // a name close to known ones: "did you mean"
  const close = lantu('targets', '--indicator', '居民可支配收入增长率');
  assert.equal(close.code, 2);
  assert.match(close.stderr, /did you mean: .*全体居民人均可支配收入增长率 \(income-growth\)/);
  // every wording of energy intensity is known
  assert.equal(lantu('targets', '--indicator', '单位GDP能源消耗降低').code, 0);
});

test('indicators --search finds an indicator by any of its names, best first', () => {
  const r = lantu('indicators', '--search', '城镇居民人均可支配收入', '--json');
  assert.equal(r.code, 0, r.stderr);
  const ids = (JSON.parse(r.stdout) as Array<{ id: string }>).map((x) => x.id);
  assert.deepEqual(ids.slice(0, 2).sort(), ['urban-income', 'urban-income-growth']);
  assert.ok(!ids.includes('rural-income'));
  const none = lantu('indicators', '--search', '幸福指数');
  assert.equal(none.code, 1);
});

test('export --format csv has a header and one line per target', () => {
  const r = lantu('export', '--format', 'csv');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines[0], 'indicator_id,indicator,unit,region,level,year,target,baseline,latest,status,reason,source_file,source_line');
  assert.ok(lines.length > 10);
});

test('departments and warnings answer in JSON', () => {
  const d = JSON.parse(lantu('departments', '--json').stdout) as Array<{ unit: string; responsible: number }>;
  assert.ok(d.some((x) => x.unit === '市发展和改革委员会'));
  const w = JSON.parse(lantu('warnings', '--json', '--as-of', '2026-06-30').stdout) as Array<{ status: string; weight: number }>;
  assert.ok(w.every((x) => ['missed', 'off_track', 'at_risk', 'no_data'].includes(x.status)));
  assert.ok(w.every((x, i) => i === 0 || w[i - 1].weight >= x.weight), 'sorted by weight');
});
