// Project mentions: names matched by their core (抽蓄 = 抽水蓄能电站, region prefixes and 项目/工程
// suffixes dropped), a shared kind distributed over 、, stage words read, and the year a mention
// speaks of (a report's review: the year before; its tasks: its own year; a plan: its period).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { structure } from '../../src/structure/index.js';
import { extract } from '../../src/extract/index.js';
import { coreOf } from '../../src/extract/project-names.js';
import { namesIn, stageOf } from '../../src/extract/mentions.js';
import type { ProjectMention } from '../../src/model/records.js';
import { report } from './helpers.js';

const mentionsOf = (text: string): ProjectMention[] =>
  extract(structure({ file: 'fixture.txt', format: 'txt', text })).documents.flatMap((d) => d.record.mentions ?? []);

test('one core name for an abbreviation, a region prefix, a capacity and a 项目 suffix', () => {
  const core = '白石口抽水蓄能电站';
  for (const name of ['白石口抽蓄', '白石口抽水蓄能电站', '格尔木白石口240万千瓦抽水蓄能项目', '青海省白石口 240 万千瓦抽蓄电站', '白石口抽水蓄能']) assert.equal(coreOf(name), core, name);
  assert.notEqual(coreOf('黑石口抽蓄'), core);
  assert.equal(coreOf('昆北750千伏输变电工程'), coreOf('750千伏昆北输变电项目'));
  assert.equal(coreOf('蓝田至湖州铁路'), '蓝湖铁路'); // a route by the first characters of its ends
});

test('a sentence names each project once, with its capacity; a shared kind goes to the bare names before it', () => {
  const found = namesIn('哇让、同德、白石口抽水蓄能电站开工，李家峡电站扩机工程投运');
  assert.deepEqual(found.map((f) => f.parts.core), ['哇让抽水蓄能电站', '同德抽水蓄能电站', '白石口抽水蓄能电站', '李家峡电站']);
  const cap = namesIn('加快建设白石口 240 万千瓦抽蓄等大型支撑性电源项目')[0];
  assert.equal(cap.parts.core, '白石口抽水蓄能电站');
  assert.equal(cap.parts.capacity, '240万千瓦');
  // kinds that only describe (新型储能, 分布式光伏) or run on into another noun (光伏风电装备) name no project
  assert.deepEqual(namesIn('推动新型储能、分布式光伏发展，大力发展光伏风电装备制造'), []);
  // a bare name does not take the kind of a name with a capacity
  assert.deepEqual(namesIn('加快松如沟、东台750千伏输变电建设').map((f) => f.parts.core), ['东台输变电工程']);
});

test('stage words: the predicate after the name, else the verb before it', () => {
  assert.equal(stageOf('', '建设进入全面施工阶段')?.words, '全面施工');
  assert.equal(stageOf('', '开工')?.stage, '开工');
  assert.equal(stageOf('开工建设', '')?.stage, '开工');
  assert.equal(stageOf('加快', '建设进度')?.words, '加快建设');
  assert.equal(stageOf('', '建成并网')?.stage, '投产');
  assert.equal(stageOf('', '前期工作')?.stage, '前期工作');
  assert.equal(stageOf('持续优化', '配置'), undefined);
});

test('a report: the review speaks of last year, the tasks of this year', () => {
  const ms = mentionsOf(report('白石口抽水蓄能电站建设进入全面施工阶段。', '加快白石口抽蓄建设进度。'));
  assert.deepEqual(
    ms.map((m) => [m.core, m.year, m.modality, m.stageWords]),
    [
      ['白石口抽水蓄能电站', 2024, 'actual', '全面施工'],
      ['白石口抽水蓄能电站', 2025, 'planned', '加快建设'],
    ],
  );
  assert.ok(ms.every((m) => m.line > 0 && m.quote.includes('白石口')));
});

test('a plan: a 专栏 project speaks of the plan period', () => {
  const plan = ['蓝湖市国民经济和社会发展第十五个五年规划纲要', '第一章 能源', '专栏一 能源重点工程', '1. 电源工程：加快建设白石口 240 万千瓦抽蓄等调节性电源项目。'].join('\n\n');
  const [m] = mentionsOf(plan);
  assert.equal(m.core, '白石口抽水蓄能电站');
  assert.deepEqual(m.period, [2026, 2030]);
  assert.equal(m.year, 2026);
  assert.equal(m.capacity, '240万千瓦');
  assert.equal(m.stageWords, '加快建设');
});
