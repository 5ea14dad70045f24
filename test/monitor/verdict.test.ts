// A closed year judged as written: a bare number binds as a floor or a ceiling by the indicator's
// direction (7.6% against 8% is missed), 左右 on a rate allows half a point and an overshoot, on a level
// 97%; an estimate is a preliminary actual; a year not over is never achieved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundMeets, closedYear, openYear, binding } from '../../src/monitor/verdict.js';

const t = (value: number, comparator: 'eq' | 'approx' | 'lte' | 'gte', unit = '%', direction: 'higher' | 'lower' = 'higher') => ({ year: 2025, value, comparator, unit, direction });
const judge = (target: ReturnType<typeof t>, value: number, estimate = false) => closedYear(target, [{ year: 2025, value, estimate }]);

test('precision as written: 7.6 against a bare 8 on a higher-is-better indicator is missed; 8 is met', () => {
  assert.equal(judge(t(8, 'eq'), 7.6)?.verdict, 'missed');
  assert.equal(judge(t(8, 'eq'), 8)?.verdict, 'met');
  assert.equal(binding('eq', 'lower'), 'lte');
  assert.equal(judge(t(4.6, 'eq', '%', 'lower'), 4.7)?.verdict, 'missed');
});

test('左右: a rate within half a point, an overshoot met; a level from 97%', () => {
  assert.equal(judge(t(8, 'approx'), 7.5)?.verdict, 'met');
  assert.equal(judge(t(8, 'approx'), 7.4)?.verdict, 'missed');
  assert.equal(judge(t(8, 'approx'), 11)?.verdict, 'met');
  assert.equal(judge(t(3, 'approx', '%', 'lower'), 3.5)?.verdict, 'met');
  assert.equal(judge(t(3, 'approx', '%', 'lower'), 3.6)?.verdict, 'missed');
  assert.equal(judge(t(900, 'approx', '万人'), 873)?.verdict, 'met');
  assert.equal(judge(t(900, 'approx', '万人'), 872)?.verdict, 'missed');
});

test('a closed year with no figure has no verdict; an estimate is judged and says so', () => {
  assert.equal(closedYear(t(8, 'approx'), [{ year: 2024, value: 9 }]), undefined);
  const e = judge(t(20, 'gte', '万元/人'), 29.8, true)!;
  assert.equal(e.status, 'achieved');
  assert.match(e.reason, /预计数/);
});

test('a target whose year is not over is on track at best', () => {
  const a = openYear({ status: 'achieved', reason: '已达到2030年目标', method: 'annual', asOf: '2025-12-31' }, 2030);
  assert.equal(a.status, 'on_track');
});

test('an actual reported only as a bound is met when all it allows meets the target, missed when none does, else cannot tell', () => {
  assert.equal(boundMeets('lte', 5.5, 'lte', 5.5), true); // 5.5以内 against 控制在5.5以内
  assert.equal(boundMeets('lte', 5.5, 'lt', 5.5), undefined); // 5.5以内 against <5.5
  assert.equal(boundMeets('lt', 5.5, 'lt', 5.5), true);
  assert.equal(boundMeets('lte', 3, 'gte', 5), false);
  assert.equal(boundMeets('gte', 8, 'gte', 7), true);
  assert.equal(boundMeets('gt', 7, 'gte', 7), true);
  assert.equal(boundMeets('gte', 6, 'gte', 7), undefined);
  assert.equal(boundMeets('gte', 7, 'lt', 7), false);
  assert.equal(boundMeets('lte', 5, 'approx', 5), undefined);
  assert.equal(boundMeets('gte', 4, 'eq', 3, 6), undefined);
  const t = { year: 2025, value: 5.5, comparator: 'lt' as const, unit: '%', direction: 'lower' as const };
  const c = closedYear(t, [{ year: 2025, value: 5.5, bound: 'lte' }])!;
  assert.deepEqual([c.status, c.verdict], ['not_assessable', null]);
  assert.match(c.reason, /只报了界限 ≤5\.5%，无法判断是否达到目标 <5\.5%/);
  const met = closedYear({ ...t, comparator: 'lte' }, [{ year: 2025, value: 5, bound: 'lte' }])!;
  assert.deepEqual([met.status, met.verdict], ['achieved', 'met']);
});
