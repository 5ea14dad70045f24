// The reporting calendar: the dates of 每月20日前, 每季度末, 每年底前 … as the deadline parser writes them,
// and the reminders before a date and after it (only while nothing was reported).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeadline } from '../../src/extract/deadlines.js';
import { calendarReminders, occurrences, previousOccurrence, reportingCalendar, type CalendarTask } from '../../src/monitor/calendar.js';

const ruleOf = (text: string) => parseDeadline(text, { date: '2026-02-01' })?.rule ?? '';

test('每月20日前: the 20th of every month', () => {
  assert.equal(ruleOf('每月20日前报送进展情况'), 'monthly:20');
  assert.deepEqual(occurrences('monthly:20', '2026-01-21', '2026-05-20'), ['2026-02-20', '2026-03-20', '2026-04-20', '2026-05-20']);
  assert.equal(previousOccurrence('monthly:20', '2026-03-20'), '2026-02-20');
});

test('每季度末: the last day of March, June, September and December; 每季度结束后10日前: the 10th after', () => {
  assert.equal(ruleOf('每季度末报送'), 'quarterly');
  assert.deepEqual(occurrences('quarterly', '2026-01-01', '2026-12-31'), ['2026-03-31', '2026-06-30', '2026-09-30', '2026-12-31']);
  assert.equal(ruleOf('每季度结束后10日前报送'), 'quarterly:10');
  assert.deepEqual(occurrences('quarterly:10', '2026-01-01', '2026-07-31'), ['2026-01-10', '2026-04-10', '2026-07-10']);
});

test('每年底前, 每年6月底前, 每月底, 每半年: year ends, a date each year, month ends (February too)', () => {
  assert.equal(ruleOf('每年底前报送年度总结'), 'yearly');
  assert.deepEqual(occurrences('yearly', '2025-06-01', '2027-01-01'), ['2025-12-31', '2026-12-31']);
  assert.deepEqual(occurrences(ruleOf('每年6月底前'), '2026-01-01', '2027-12-31'), ['2026-06-30', '2027-06-30']);
  assert.deepEqual(occurrences('monthly:end', '2026-01-15', '2026-03-01'), ['2026-01-31', '2026-02-28']);
  assert.deepEqual(occurrences('monthly:31', '2028-02-01', '2028-02-29'), ['2028-02-29']);
  assert.deepEqual(occurrences('semiannual', '2026-01-01', '2026-12-31'), ['2026-06-30', '2026-12-31']);
  assert.deepEqual(occurrences('no-such-rule', '2026-01-01', '2026-12-31'), []);
});

const task = (over: Partial<CalendarTask>): CalendarTask => ({ id: 't1', title: '报送进展', units: ['市教育局'], documentId: 'd', line: 3, deadlineText: '每月20日前', deadlineDate: null, deadlineRule: 'monthly:20', ...over });

test('the calendar lists recurring and one-off dates in order', () => {
  const cal = reportingCalendar([task({}), task({ id: 't2', deadlineRule: null, deadlineDate: '2026-03-15', deadlineText: '2026年3月15日前' })], '2026-03-01', '2026-04-30');
  assert.deepEqual(cal.map((e) => [e.date, e.taskId]), [['2026-03-15', 't2'], ['2026-03-20', 't1'], ['2026-04-20', 't1']]);
  assert.equal(cal[1].since, '2026-02-20');
});

test('reminded three days before a date, and after it only while the unit has not reported', () => {
  const never = () => false;
  assert.deepEqual(calendarReminders([task({})], '2026-03-16', never), []);
  const before = calendarReminders([task({})], '2026-03-17', never);
  assert.deepEqual(before.map((r) => [r.phase, r.date, r.days, r.unit]), [['before', '2026-03-20', 3, '市教育局']]);
  const after = calendarReminders([task({})], '2026-03-22', never);
  assert.deepEqual(after.map((r) => [r.phase, r.date, r.days]), [['after', '2026-03-20', -2]]);
  // reported since the period began (after 2026-02-20): no reminder after the date
  assert.deepEqual(calendarReminders([task({})], '2026-03-22', (_t, _u, since) => since === '2026-02-20'), []);
  // a week after, no more reminders
  assert.deepEqual(calendarReminders([task({})], '2026-03-28', never), []);
});
