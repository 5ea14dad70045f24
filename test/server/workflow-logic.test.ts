// The workflow's pure rules: deadlines, the units of a target, reminders per role at a date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysUntil, deadlineState, overdueTasks, reminders, targetUnits, validPeriod, type WfNotice, type WfTask, type WfUpdate } from '../../src/monitor/workflow.js';
import { checkEvidence, declaredType, displayName, sniff } from '../../src/server/routes/workflow/upload.js';

const today = '2025-06-01';
const task = (id: string, deadline: string | null, units: string[], approved = false): WfTask => ({ id, title: `任务${id}`, deadline, units, approved });
const tasks = [
  task('soon', '2025-06-10', ['市农牧局']),
  task('edge', '2025-06-15', ['市农牧局']), // 14 days: still due
  task('later', '2025-06-16', ['市农牧局']),
  task('late', '2025-05-20', ['市农牧局', '市水利局']),
  task('long', '2025-04-01', ['市农牧局']), // 61 days overdue: escalated
  task('done', '2025-05-01', ['市农牧局'], true),
  task('other', '2025-06-05', ['市交通运输局']),
  task('open', null, ['市农牧局']),
];
const updates: WfUpdate[] = [
  { id: 'u1', subjectKind: 'task', subjectId: 'soon', unit: '市农牧局', status: 'returned', title: '任务soon', comment: '请补充数据' },
  { id: 'u2', subjectKind: 'task', subjectId: 'late', unit: '市农牧局', status: 'submitted', title: '任务late', comment: null },
  { id: 'u3', subjectKind: 'task', subjectId: 'other', unit: '市交通运输局', status: 'returned', title: '任务other', comment: 'x' },
];
const notices: WfNotice[] = [
  { id: 'n1', unit: '市农牧局', status: 'issued', replyDeadline: '2025-06-08', text: '请说明' },
  { id: 'n2', unit: '市农牧局', status: 'replied', replyDeadline: '2025-05-01', text: '已回复' },
  { id: 'n3', unit: '市交通运输局', status: 'issued', replyDeadline: '2025-05-30', text: '逾期未回复' },
];
const data = { tasks, updates, notices };

test('deadline states: due within 14 days, overdue, escalated after 30 days, done whatever the date', () => {
  assert.equal(daysUntil('2025-06-15', today), 14);
  assert.equal(deadlineState('2025-06-15', today), 'due');
  assert.equal(deadlineState('2025-06-01', today), 'due');
  assert.equal(deadlineState('2025-06-16', today), 'later');
  assert.equal(deadlineState('2025-05-31', today), 'overdue');
  assert.equal(deadlineState('2025-05-02', today), 'overdue'); // 30 days
  assert.equal(deadlineState('2025-05-01', today), 'escalated'); // 31 days
  assert.equal(deadlineState('2025-04-30', today, true), 'done');
  assert.equal(deadlineState(null, today), 'none');
  assert.deepEqual(overdueTasks(tasks, today).map((t) => t.id), ['late', 'long']);
});

test('a department user is reminded of its due, overdue and escalated tasks, returned updates and open notices', () => {
  const r = reminders({ role: 'department', units: ['市农牧局'] }, today, data);
  assert.deepEqual(r.map((x) => `${x.kind}:${x.id}`), ['escalated:long', 'overdue:late', 'notice:n1', 'due:soon', 'due:edge', 'returned:u1']);
  assert.equal(r.find((x) => x.id === 'u1')?.comment, '请补充数据');
  assert.equal(r.find((x) => x.id === 'late')?.days, -12);
});

test('planners see updates to review; supervisors overdue notices, escalated tasks and replies to close; leaders the first two', () => {
  assert.deepEqual(reminders({ role: 'planner', units: [] }, today, data).map((x) => `${x.kind}:${x.id}`), ['review:u2']);
  const sup = reminders({ role: 'supervisor', units: [] }, today, data).map((x) => `${x.kind}:${x.id}`);
  assert.deepEqual(sup, ['escalated:long', 'notice_overdue:n3', 'replied:n2']);
  assert.deepEqual(reminders({ role: 'leader', units: [] }, today, data).map((x) => x.id), ['long', 'n3']);
  assert.deepEqual(reminders({ role: 'admin', units: [] }, today, data).map((x) => x.kind).sort(), ['escalated', 'notice_overdue', 'replied', 'review']);
  assert.deepEqual(reminders({ role: 'department', units: [] }, today, data), []);
});

test('a target belongs to the task under which its line stands, in the same document', () => {
  const lines = [
    { documentId: 'd', line: 74, units: ['市发展和改革委员会', '市统计局'] },
    { documentId: 'd', line: 139, units: ['市农牧局'] },
    { documentId: 'e', line: 10, units: ['市水利局'] },
  ];
  assert.deepEqual(targetUnits({ documentId: 'd', line: 141 }, lines), ['市农牧局']);
  assert.deepEqual(targetUnits({ documentId: 'd', line: 74 }, lines), ['市发展和改革委员会', '市统计局']);
  assert.deepEqual(targetUnits({ documentId: 'd', line: 40 }, lines), []);
  assert.deepEqual(targetUnits({ documentId: 'x', line: 141 }, lines), []);
  assert.deepEqual(targetUnits({ documentId: null, line: null }, lines), []);
});

test('periods: a year, a quarter, a half or a month', () => {
  for (const p of ['2025', '2025-Q2', '2025-H1', '2025-06', '2025-12']) assert.ok(validPeriod(p), p);
  for (const p of ['25', '2025-13', '2025-Q5', '2025/06', '2025-06; drop', '']) assert.ok(!validPeriod(p), p);
});

test('evidence: the extension and the bytes must agree', () => {
  const pdf = Buffer.from('%PDF-1.7\n...');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml')]);
  assert.equal(sniff(pdf), 'pdf');
  assert.equal(sniff(png), 'png');
  assert.equal(sniff(docx), 'docx');
  assert.equal(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])), undefined); // a plain zip
  assert.equal(declaredType('报告.JPEG'), 'jpg');
  assert.equal(declaredType('run.exe'), undefined);
  assert.equal(checkEvidence('a.pdf', pdf), 'pdf');
  assert.throws(() => checkEvidence('a.pdf', png), /不符/);
  assert.throws(() => checkEvidence('a.html', Buffer.from('<html>')), /只接受/);
  assert.throws(() => checkEvidence('a.pdf', Buffer.alloc(10 * 1024 * 1024 + 1)), /10 MB/);
  assert.equal(displayName('..\\..\\etc/passwd'), 'passwd');
  assert.equal(displayName('a"<b>.pdf'), 'ab.pdf');
});
