// The department catalogue: aliases, shared level prefixes, comma groups, and the TASKS.md splitting rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isUnitLike, normalizeUnit, splitUnits } from '../../src/extract/departments.js';

test('aliases map to the catalogue name', () => {
  assert.equal(normalizeUnit('市发改委'), '市发展和改革委员会');
  assert.equal(normalizeUnit('市住建局'), '市住房和城乡建设局');
  assert.equal(normalizeUnit('东城区行委'), '东城区行政委员会');
  assert.equal(normalizeUnit('察尔汗工行委'), '察尔汗行政委员会');
  assert.equal(normalizeUnit('人民银行格尔木营业管理部'), '中国人民银行格尔木营业管理部');
  assert.equal(normalizeUnit('蓝湖经开区管委会'), '蓝湖经济开发区管委会');
  assert.equal(normalizeUnit('云泽州卫健委'), '云泽州卫生健康委员会');
  assert.equal(normalizeUnit('市委编办'), '市委机构编制委员会办公室');
});

test('a bare department takes the prefix it is given', () => {
  assert.equal(normalizeUnit('财政局', { prefix: '市' }), '市财政局');
  assert.equal(normalizeUnit('卫健委', { prefix: '县' }), '县卫生健康委员会');
  assert.equal(normalizeUnit('财政局'), '财政局');
});

test('市场监督管理局 is a department, not 市 + 场监督管理局', () => {
  assert.equal(normalizeUnit('市场监督管理局'), '市场监督管理局');
  assert.equal(normalizeUnit('市场监管局', { prefix: '市' }), '市市场监督管理局');
  assert.equal(normalizeUnit('市市场监管局'), '市市场监督管理局');
  assert.deepEqual(splitUnits('责任单位：市商务局、市场监督管理局').units, ['市商务局', '市市场监督管理局']);
});

test('unknown units are kept as written', () => {
  assert.equal(normalizeUnit('蓝湖湖泊保护中心'), '蓝湖湖泊保护中心');
  assert.equal(normalizeUnit('市湖长制办公室'), '市湖长制办公室');
  assert.ok(isUnitLike('蓝湖湖泊保护中心'));
  assert.ok(!isUnitLike('2025年6月底前'));
});

test('members of a list share the level prefix: "市民政局、财政局"', () => {
  assert.deepEqual(splitUnits('责任单位：市民政局、财政局、人社局').units, ['市民政局', '市财政局', '市人力资源和社会保障局']);
  assert.deepEqual(splitUnits('责任单位：西岭省发展和改革委员会、财政厅').units, ['西岭省发展和改革委员会', '西岭省财政厅']);
});

test('a comma starts a new group with its own prefix', () => {
  assert.deepEqual(splitUnits('（责任单位：东城区行委、西城区行委，市发改委、教育局，州生态环境局、自然资源局）').units, [
    '东城区行政委员会',
    '西城区行政委员会',
    '市发展和改革委员会',
    '市教育局',
    '州生态环境局',
    '州自然资源局',
  ]);
  // a group without a level of its own keeps the last one; units with a place of their own keep it
  assert.deepEqual(splitUnits('责任单位：蓝湖经开区管委会，市发改委，工业和信息化局、统计局，各乡镇人民政府').units, [
    '蓝湖经济开发区管委会',
    '市发展和改革委员会',
    '市工业和信息化局',
    '市统计局',
    '各乡镇人民政府',
  ]);
});

test('a unit named twice is kept once; doubled text names it once', () => {
  assert.deepEqual(splitUnits('责任单位：市农牧局、市农牧局、农牧局').units, ['市农牧局']);
  assert.deepEqual(splitUnits('责任单位：市农牧局市农牧局').units, ['市农牧局']);
  assert.deepEqual(splitUnits('责任单位：市交通运输局（市交通局）、市公安局').units, ['市交通运输局', '市公安局']);
});

test('labels: 牵头单位 / 责任单位 / 配合单位', () => {
  assert.deepEqual(splitUnits('牵头单位：市商务局；配合单位：市财政局、市场监管局'), {
    lead: ['市商务局'],
    units: [],
    support: ['市财政局', '市市场监督管理局'],
  });
  assert.deepEqual(splitUnits('牵头单位：市生态环境局、综合执法局责任单位：市公安局、水利局，市消防救援支队工作职责：负责巡查'), {
    lead: ['市生态环境局', '市综合行政执法局'],
    units: ['市公安局', '市水利局', '市消防救援支队'],
    support: [],
  });
});

test('verbs: "X牵头，Y、Z配合", "X牵头落实", "…等部门分工负责"', () => {
  assert.deepEqual(splitUnits('（市应急管理局牵头，市消防救援支队、市住建局分工配合）'), {
    lead: ['市应急管理局'],
    units: [],
    support: ['市消防救援支队', '市住房和城乡建设局'],
  });
  assert.deepEqual(splitUnits('市生态环境局牵头落实'), { lead: ['市生态环境局'], units: [], support: [] });
  assert.deepEqual(splitUnits('市交通运输局牵头，市公安局、应急局配合负责第一项；市能源局牵头第二项工作落实'), {
    lead: ['市交通运输局', '市能源局'],
    units: [],
    support: ['市公安局', '市应急管理局'],
  });
  assert.deepEqual(splitUnits('蓝湖经开区管委会、市发改委、财政局等部门分工负责').units, ['蓝湖经济开发区管委会', '市发展和改革委员会', '市财政局']);
  assert.deepEqual(splitUnits('市教育局牵头，市财政局、市人社局按职责分工落实').units, ['市财政局', '市人力资源和社会保障局']);
});
