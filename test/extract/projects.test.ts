import { test } from 'node:test';
import assert from 'node:assert/strict';
import { structure } from '../../src/structure/index.js';
import { extract } from '../../src/extract/index.js';
import type { DocumentRecord } from '../../src/model/records.js';

const PLAN = [
  '蓝湖市国民经济和社会发展第十五个五年规划纲要',
  '第一章 发展基础',
  '第一节 “十四五”发展取得的成就',
  '生态环境持续改善。森林覆盖率提高到 35%。',
  '第二节 发展目标',
  '——**生态文明建设达到新水平。**到2030年，森林覆盖率达到 37%。',
  '第二章 产业发展',
  '第一节 壮大盐湖产业',
  '做强钾肥产业。稳定钾肥产能，推进精深加工。',
  '延伸锂电产业链。发展电池材料。',
  '专栏一 盐湖产业重点工程',
  '1. 钾基产业提质工程：重点推进年产 10 万吨食品级氯化钾、26 万吨工业硝酸钾及 2 万吨碳酸钾等项目建设。',
  '2. **锂电材料工程**：建设蓝湖化工年产 2 万吨碳酸锂项目，布局电池回收基地。',
  '- 3. 电源支撑工程：**加快建设 2×66 万千瓦煤电、南湖 60 万千瓦风电项目。',
  '4. 园区配套工程:完善湖东产业园供水供热管网。',
].join('\n\n');

function plan(): DocumentRecord {
  const f = extract(structure({ file: 'plan.txt', format: 'txt', text: PLAN }));
  return f.documents[0].record;
}

test('project groups of a 专栏 box in four surface formats', () => {
  const p = plan().projects!;
  assert.deepEqual(p.map((x) => x.name), ['钾基产业提质工程', '锂电材料工程', '电源支撑工程', '园区配套工程']);
  assert.ok(p.every((x) => x.box === '专栏一 盐湖产业重点工程'));
  assert.equal(p[0].line, 23);
});

test('a group is split into the projects it lists, with capacities as facts', () => {
  const [potash] = plan().projects!;
  assert.deepEqual(potash.parts.map((x) => x.name), ['年产10万吨食品级氯化钾', '26万吨工业硝酸钾', '2万吨碳酸钾']);
  assert.deepEqual(potash.parts.map((x) => [x.quantities[0].value, x.quantities[0].unit]), [[10, '万吨'], [26, '万吨'], [2, '万吨']]);
  assert.equal(potash.parts[0].quantities[0].modality, 'target');
  assert.equal(potash.parts[0].quantities[0].year, 2030);
});

test('enterprises named before a capacity are kept', () => {
  const lithium = plan().projects![1];
  assert.equal(lithium.parts[0].enterprise, '蓝湖化工');
  assert.deepEqual(lithium.parts.map((x) => x.name), ['蓝湖化工年产2万吨碳酸锂项目', '电池回收基地']);
});

test('key tasks of a plan are its lead heads outside the review and the goals, with their section', () => {
  const tasks = plan().tasks!;
  assert.deepEqual(
    tasks.map((t) => [t.kind, t.section, t.title, t.units]),
    [
      ['key', '第一节 壮大盐湖产业', '做强钾肥产业', []],
      ['key', '第一节 壮大盐湖产业', '延伸锂电产业链', []],
    ],
  );
});
