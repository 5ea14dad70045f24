// Exact spans: every fact, task and table row carries the start and end of the original characters it
// was read from, so that the text at [start.offset, end.offset) of the original file is its quote,
// title or line — also where a wrapped paragraph puts a quote across two lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Point, Span } from '../../src/model/records.js';
import { structure } from '../../src/structure/index.js';
import { extract } from '../../src/extract/index.js';

const TEXT = [
  '政府工作报告',
  '——2025年2月10日在蓝湖市第八届人民代表大会第四次会议上',
  '一、2024年工作回顾',
  '全年地区生产总值增长6.5%，城镇新增就业1.2万人，全年粮食总产量达',
  '到30.5万吨，森林覆盖率提高到40.5%。地区生产总值增长6.5%。',
  '二、2025年目标任务和重点工作',
  '主要预期目标是：地区生产总值增长6%左右。',
  '（一）推进道路建设。完成投资5亿元。（责任单位：市交通运输局）',
  '表1 主要指标',
  '序号\t指标\t单位\t2025年',
  '1\t地区生产总值增长\t%\t6',
  '2\t粮食产量\t万吨\t30',
].join('\n');

const doc = extract(structure({ file: 'spans.txt', format: 'txt', text: TEXT })).documents[0].record;
const at = (s: Span) => TEXT.slice(s.start.offset, s.end.offset);
const lines = TEXT.split('\n');

/** A point's line and column agree with its offset. */
function checkPoint(p: Point): void {
  const before = TEXT.slice(0, p.offset).split('\n');
  assert.equal(p.line, before.length);
  assert.equal(p.column, before[before.length - 1].length + 1);
}

test('the text at a fact span is its quote, in the original file (line breaks of a wrapped paragraph aside)', () => {
  const facts = doc.facts ?? [];
  assert.ok(facts.length >= 6, JSON.stringify(facts.map((f) => f.quote)));
  for (const f of facts) {
    assert.ok(f.span, `${f.quote} has a span`);
    checkPoint(f.span.start);
    checkPoint(f.span.end);
    assert.equal(at(f.span).replace(/\n/g, ''), f.quote);
    assert.ok(f.span.start.line <= f.line && f.line <= f.span.end.line);
  }
  // the number that occurs twice in one line is marked where each fact stands
  const twice = facts.filter((f) => f.value === 6.5);
  assert.equal(twice.length, 2);
  assert.notEqual(twice[0].span!.start.offset, twice[1].span!.start.offset);
  // a quote across the wrapped lines 4 and 5
  const grain = facts.find((f) => f.value === 30.5)!;
  assert.deepEqual([grain.span!.start.line, grain.span!.end.line], [4, 5]);
  assert.equal(at(grain.span!), '全年粮食总产量达\n到30.5万吨，森林覆');
});

test('the text at a task span is its title, at a table row span its line', () => {
  const task = (doc.tasks ?? []).find((t) => t.title === '推进道路建设');
  assert.ok(task?.span, JSON.stringify(doc.tasks));
  assert.equal(at(task.span), '推进道路建设');
  assert.deepEqual([task.span.start.line, task.span.start.column], [8, 4]);
  const rows = doc.tables.flatMap((t) => t.rows);
  assert.equal(rows.length, 2);
  for (const r of rows) {
    assert.ok(r.span);
    assert.equal(at(r.span), lines[r.line - 1]);
  }
});
