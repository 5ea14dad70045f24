// Status engine, 序时进度: cumulative targets and tasks against the share of time elapsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessCumulative, assessTask, type CumulativeTarget, type TaskTarget } from '../../src/monitor/status/index.js';

const plant: CumulativeTarget = { kind: 'cumulative', name: '新增造林面积', unit: '万亩', direction: 'higher', startYear: 2026, year: 2030, value: 100 };

test('ahead: 60 of 100 done after 2 of 5 years', () => {
  const r = assessCumulative(plant, [{ year: 2026, value: 25 }, { year: 2027, value: 35 }]);
  assert.equal(r.status, 'on_track');
  assert.equal(r.method, 'progress');
  assert.ok(Math.abs(r.ratio! - 1.5) < 1e-9);
  assert.equal(r.expected, 40);
  assert.equal(r.reason, '2026—2027年累计完成 60 万亩，占目标 100 万亩的 60%，时间进度 40%（2/5年），完成进度与时间进度之比 1.50，快于序时进度，进度正常');
});

test('behind: at risk and off track', () => {
  const risk = assessCumulative(plant, [{ year: 2026, value: 15 }, { year: 2027, value: 15 }]);
  assert.equal(risk.status, 'at_risk');
  assert.match(risk.reason, /累计完成 30 万亩.*之比 0\.75，慢于序时进度，有风险/);
  const off = assessCumulative(plant, [{ year: 2026, value: 5 }, { year: 2027, value: 10 }, { year: 2028, value: 5 }]);
  assert.equal(off.status, 'off_track');
  assert.match(off.reason, /时间进度 60%（3\/5年）/);
});

test('finished early: achieved; the period over unfinished: off_track', () => {
  const early = assessCumulative(plant, [{ year: 2026, value: 50 }, { year: 2027, value: 40 }, { year: 2028, value: 20 }]);
  assert.equal(early.status, 'achieved');
  assert.match(early.reason, /累计完成 110 万亩.*已完成目标，提前2年/);
  const years = [2026, 2027, 2028, 2029, 2030].map((year) => ({ year, value: 18 }));
  const late = assessCumulative(plant, years);
  assert.equal(late.status, 'off_track');
  assert.match(late.reason, /规划期结束，未完成目标，尚差 10 万亩/);
});

test('running totals, missing years, estimates and no data', () => {
  const running = assessCumulative({ ...plant, accumulate: 'running' }, [{ year: 2026, value: 20 }, { year: 2027, value: 45 }]);
  assert.equal(running.actual, 45);
  assert.equal(running.status, 'on_track');
  const gap = assessCumulative(plant, [{ year: 2027, value: 45 }]);
  assert.match(gap.reason, /（缺2026年数据）/);
  const est = assessCumulative(plant, [{ year: 2026, value: 25 }, { year: 2027, value: 35, estimate: true }]);
  assert.match(est.reason, /（含预计数）/);
  const none = assessCumulative(plant, [{ year: 2025, value: 10 }]);
  assert.equal(none.status, 'no_data');
  assert.match(none.reason, /规划期（2026—2030年）内尚无实际数/);
});

test('a cumulative cap (lower is better): used up faster than time passes is the risk', () => {
  const land: CumulativeTarget = { ...plant, name: '新增建设用地', unit: '公顷', direction: 'lower', value: 1000 };
  assert.equal(assessCumulative(land, [{ year: 2026, value: 150 }, { year: 2027, value: 200 }]).status, 'on_track');
  assert.equal(assessCumulative(land, [{ year: 2026, value: 300 }, { year: 2027, value: 300 }]).status, 'at_risk');
  const over = assessCumulative(land, [{ year: 2026, value: 600 }, { year: 2027, value: 500 }]);
  assert.equal(over.status, 'off_track');
  assert.match(over.reason, /已超出总量控制目标/);
  const all = [2026, 2027, 2028, 2029, 2030].map((year) => ({ year, value: 190 }));
  assert.equal(assessCumulative(land, all).status, 'achieved');
});

const task: TaskTarget = { kind: 'task', name: '建成城市生命线安全工程', unit: '%', direction: 'higher', start: '2025-01-01', deadline: '2025-12-31' };

test('a task on schedule and behind schedule', () => {
  const ok = assessTask(task, [{ year: 2025, value: 55, date: '2025-06-30' }]);
  assert.equal(ok.status, 'on_track');
  assert.match(ok.reason, /截至 2025-06-30 完成 55%，时间进度 49\.6%（181\/365 天），完成进度与时间进度之比 1\.11，快于序时进度/);
  const behind = assessTask(task, [{ year: 2025, value: 10, date: '2025-03-31' }, { year: 2025, value: 40, date: '2025-06-30' }]);
  assert.equal(behind.status, 'at_risk');
  assert.equal(behind.actual, 40);
  assert.equal(assessTask(task, [{ year: 2025, value: 20, date: '2025-09-30' }]).status, 'off_track');
});

test('an overdue unfinished task is off track with the days overdue', () => {
  const r = assessTask(task, [{ year: 2025, value: 80, date: '2025-12-01' }], { asOf: '2026-01-15' });
  assert.equal(r.status, 'off_track');
  assert.match(r.reason, /已逾期 15 天/);
  assert.match(r.reason, /完成 80%/);
  const silent = assessTask(task, [], { asOf: '2026-01-10' });
  assert.equal(silent.status, 'no_data');
  assert.match(silent.reason, /尚无进度报告，截止日期 2025-12-31 已逾期 10 天/);
});

test('a task finished early, on time, or late', () => {
  const early = assessTask(task, [{ year: 2025, value: 100, date: '2025-11-21' }], { asOf: '2026-03-01' });
  assert.equal(early.status, 'achieved');
  assert.match(early.reason, /提前 40 天完成/);
  assert.match(assessTask(task, [{ year: 2025, value: 100, date: '2025-12-31' }]).reason, /按期完成/);
  assert.match(assessTask(task, [{ year: 2026, value: 100, date: '2026-01-05' }]).reason, /逾期 5 天完成/);
});

test('a task not yet started', () => {
  const r = assessTask({ ...task, start: '2025-07-01' }, [{ year: 2025, value: 0, date: '2025-06-01' }]);
  assert.equal(r.status, 'on_track');
  assert.match(r.reason, /尚未到开始日期 2025-07-01/);
});
