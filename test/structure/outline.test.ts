import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Section } from '../../src/model/records.js';
import { repairLines, toBlocks } from '../../src/repair/index.js';
import { buildOutline, flatten } from '../../src/structure/outline.js';
import { SAMPLES, lineOf, sampleSource, source, structureSample, wrapped } from '../fixtures/texts.js';

const pdf = (...paras: string[]) => wrapped(28, ...paras);
const outline = (text: string, partsOf = false) => buildOutline(toBlocks(repairLines(source(text))), { partsOf });
const shape = (s: Section): unknown => [s.kind, s.ordinal ?? s.title, ...(s.children.length ? [s.children.map(shape)] : [])];

const PLAN = pdf(
  '第一章 守护蓝湖碧水，筑牢生态安全屏障',
  '把守护蓝湖一湖碧水作为最大责任，全面提升蓝湖生态系统质量。',
  '第一节 加强湖泊生态保护修复',
  '构建湖区生态安全格局。严格落实生态保护红线管控，划定蓝湖一级保护区126平方公里。',
  '推进湿地保护修复。实施蓝湖国家湿地公园提质工程，恢复退化湿地1.2万亩。',
  '第二节 深化污染防治攻坚',
  '持续改善空气质量。推进重点行业超低排放改造，加强扬尘污染治理。',
  '第二章 做强实体经济，构建现代化产业体系',
  '第一节 壮大新材料产业',
  '延伸锂电材料产业链。加快隔膜三期、硅基负极材料等项目建设。',
);

test('第X章 ⊃ 第X节 ⊃ paragraph-lead heads', () => {
  assert.deepEqual(outline(PLAN).map(shape), [
    ['chapter', '第一章', [['section', '第一节', [['lead', '构建湖区生态安全格局'], ['lead', '推进湿地保护修复']]], ['section', '第二节', [['lead', '持续改善空气质量']]]]],
    ['chapter', '第二章', [['section', '第一节', [['lead', '延伸锂电材料产业链']]]]],
  ]);
  const [ch1] = outline(PLAN);
  assert.equal(ch1.title, '守护蓝湖碧水，筑牢生态安全屏障');
  assert.equal(ch1.level, 1);
  assert.equal(ch1.children[0].level, 2);
  assert.equal(ch1.children[0].children[0].level, 3);
});

test('line spans: from the heading line to the last line of its content, in original lines', () => {
  const [ch1, ch2] = outline(PLAN);
  const at = (p: string) => lineOf(PLAN, p);
  assert.deepEqual(ch1.lines, [1, at('第二章') - 2]);
  assert.deepEqual(ch1.children[0].lines, [at('第一节 加强'), at('第二节') - 2]);
  assert.deepEqual(ch1.children[0].children[0].lines, [at('构建湖区'), at('推进湿地') - 2]);
  assert.deepEqual(ch2.lines, [at('第二章'), PLAN.split('\n').length]);
});

test('一、 ⊃ （一） ⊃ 1. ⊃ （1）', () => {
  const text = pdf(
    '一、总体要求',
    '（一）工作目标。到2025年底，完成城区老化燃气管道更新改造36公里。',
    '1. 完成市政管道改造。全年改造14公里。',
    '（1）中压管网。改造8公里。',
    '（2）低压管网。改造6公里。',
    '2. 完成庭院管道改造。全年改造22公里。',
    '（二）基本原则。坚持先急后缓、先主后次。',
    '二、保障措施',
    '（一）加强组织领导。成立工作专班。',
  );
  assert.deepEqual(outline(text).map(shape), [
    ['part', '一、', [['subpart', '（一）', [['item', '1.', [['subitem', '（1）'], ['subitem', '（2）']]], ['item', '2.']]], ['subpart', '（二）']]],
    ['part', '二、', [['subpart', '（一）']]],
  ]);
});

test('run-in titles: a heading paragraph is titled by its first sentence', () => {
  const text = pdf('（一）坚持治湖先治源、系统治理，蓝湖水质持续改善。全年清理入湖河道46公里，关停沿湖养殖场17家。');
  const [s] = outline(text);
  assert.equal(s.kind, 'subpart');
  assert.equal(s.ordinal, '（一）');
  assert.equal(s.title, '坚持治湖先治源、系统治理，蓝湖水质持续改善');
});

test('a part heading keeps its whole title, stray spaces removed', () => {
  assert.equal(outline(pdf('一、2024 年工作回顾', '2024 年是极不平凡的一年。'))[0].title, '2024年工作回顾');
});

// A heading standing alone without a full stop ("（一）聚焦项目建设，持续扩大有效投资", as task-division
// plans print them) is cut at its first comma by headings.ts runInTitle: title "聚焦项目建设".
test('a standalone heading without 。 keeps its whole title', () => {
  const text = pdf('（一）聚焦项目建设，持续扩大有效投资', '4. 全年安排重点项目120个以上。');
  assert.equal(outline(text)[0].title, '聚焦项目建设，持续扩大有效投资');
});

test('bold heads from markdown "——**…。**" are leads titled by the bold text', () => {
  const text = ['第二节 发展目标', '——**生态环境质量保持领先。**蓝湖水质稳定保持Ⅱ类，森林覆盖率达到41%以上。', '——**经济综合实力显著增强。**地区生产总值年均增长5.5%左右。'].join('\n\n');
  const [sec] = outline(text);
  assert.deepEqual(
    sec.children.map((c) => [c.kind, c.title]),
    [
      ['lead', '生态环境质量保持领先'],
      ['lead', '经济综合实力显著增强'],
    ],
  );
});

test('paragraph-lead heads: a short first sentence without commas or digits', () => {
  const text = pdf(
    '第一节 发展环境',
    '加强蓝湖保护治理。完成湖滨带生态修复，确保湖心水质保持Ⅱ类。',
    '从外部看，新一轮科技革命深入发展，绿色转型加速推进。',
    '2024年是极不平凡的一年。全市经济稳中向好。',
    '——经济运行稳中向好。完成地区生产总值128.6亿元。',
  );
  const [sec] = outline(text);
  assert.deepEqual(
    sec.children.map((c) => c.title),
    ['加强蓝湖保护治理', '经济运行稳中向好'],
  );
});

const BOXES = pdf(
  '第一节 加强湖泊生态保护修复',
  '构建湖区生态安全格局。严格落实生态保护红线管控。',
  '专栏一 蓝湖生态保护修复重点工程',
  '1. 蓝湖湖滨带生态修复工程：实施湖滨带生态缓冲带建设40公里。',
  '2. 入湖河流综合治理工程：对清溪河、白沙河等8条入湖河流实施清淤疏浚。',
  '3. 湿地公园提质工程：建设蓝湖国家湿地公园科普宣教中心。',
  '第二节 深化污染防治攻坚',
);

test('专栏: a box under its section, holding its numbered items', () => {
  const [sec1, sec2] = outline(BOXES);
  const box = sec1.children.find((c) => c.kind === 'box');
  assert.ok(box);
  assert.equal(box.ordinal, '专栏一');
  assert.equal(box.title, '蓝湖生态保护修复重点工程');
  assert.deepEqual(
    box.children.map((c) => [c.kind, c.ordinal]),
    [
      ['item', '1.'],
      ['item', '2.'],
      ['item', '3.'],
    ],
  );
  assert.deepEqual(box.lines, [lineOf(BOXES, '专栏一'), lineOf(BOXES, '第二节') - 2]);
  assert.equal(sec2.children.length, 0);
});

// headings.ts runInTitle titles "1. 名称：内容" by its first sentence when that is ≤ 60 characters, so a short
// project item gets "蓝湖湖滨带生态修复工程：实施湖滨带生态缓冲带建设40公里" while a long one gets its name (corpus 001's
// 专栏一 item 1 versus 专栏二 items): the title should always be the name before "：".
test('专栏 items are titled by the project name before "："', () => {
  const box = outline(BOXES)[0].children.find((c) => c.kind === 'box')!;
  assert.deepEqual(
    box.children.map((c) => c.title),
    ['蓝湖湖滨带生态修复工程', '入湖河流综合治理工程', '湿地公园提质工程'],
  );
});

test('名词解释: numbered entries are glossary entries titled by the term', () => {
  const text = pdf(
    '名词解释',
    '(按内容先后顺序排列)',
    '1. 河湖长制：由党政负责人分级担任河长、湖长的责任制度。',
    '2. 无废城市：少产生、多利用、安全处置固体废物的城市发展方式。',
    '3. “双控”：能耗总量和强度两项指标同时控制。',
  );
  const [g] = outline(text);
  assert.equal(g.title, '名词解释');
  assert.deepEqual(
    g.children.map((c) => [c.kind, c.ordinal, c.title]),
    [
      ['glossary', '1.', '河湖长制'],
      ['glossary', '2.', '无废城市'],
      ['glossary', '3.', '“双控”'],
    ],
  );
});

test('the sample plan: chapters, sections, leads, boxes, glossary and parts', () => {
  const sections = flatten(structureSample(SAMPLES.plan).documents[0].record.sections);
  const count = (k: string) => sections.filter((s) => s.kind === k).length;
  assert.deepEqual([count('chapter'), count('section'), count('box'), count('glossary')], [3, 6, 2, 4]);
  assert.ok(count('lead') >= 13);
  const goals = sections.find((s) => s.title === '发展目标');
  assert.equal(goals?.part, 'targets');
  assert.ok(goals.children.every((c) => c.kind === 'lead' && c.part === 'targets'));
  assert.equal(sections.find((s) => s.title === '“十四五”时期发展成就')?.part, 'review');
});

test('work report parts: review, tasks with its 主要预期目标 section, self', () => {
  const { text } = sampleSource(SAMPLES.report);
  const top = structureSample(SAMPLES.report).documents[0].record.sections;
  assert.deepEqual(
    top.map((s) => [s.ordinal, s.part]),
    [
      ['一、', 'review'],
      ['二、', 'tasks'],
      ['三、', 'self'],
    ],
  );
  const targets = top[1].children[0];
  assert.deepEqual([targets.title, targets.part], ['主要预期目标', 'targets']);
  assert.equal(targets.lines[0], lineOf(text, '经济社会发展主要预期目标是'));
  assert.ok(targets.lines[1] < lineOf(text, '（一）聚焦项目建设'));
  assert.ok(top[1].children.slice(1).every((c) => c.kind === 'subpart' && c.part === 'tasks'));
  for (const s of top) for (const c of flatten(s.children)) if (c.title !== '主要预期目标' && c.part !== 'targets') assert.equal(c.part, s.part, c.title);
  assert.ok(flatten(top[0].children).some((c) => c.kind === 'lead' && c.title === '经济运行稳中向好'));
});
