// Units, signs, ranks and what is no fact (issue 9, item 4), and metrics of parallel items (item 5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsOf, find, report } from './helpers.js';

const facts = (text: string) => factsOf(report(text));
const row = (text: string) => facts(text).map((f) => [f.metric, f.value, f.unit, f.measure, f.comparator]);

test('compound units are never broken off', () => {
  const f = facts('开展各类促消费活动10336场次，举办群众性文化惠民活动4.62万余场次。抽检食品1.2万批次，新增船舶12艘，完成工业领域设备更新33.6万台套。');
  assert.deepEqual(f.map((x) => x.unit), ['场次', '万场次', '万批次', '艘', '万台套']);
  const r = facts('城乡低保标准提高到不低于740元/月和485元/月，平均工资3500元/人·月，电价降低3分/千瓦时，污水处理能力达到5万吨/日。');
  assert.deepEqual(r.map((x) => x.unit), ['元/月', '元/月', '元/人·月', '分/千瓦时', '万吨/日']);
  assert.deepEqual(find(r, -3).normalized, { value: -0.03, unit: '元/千瓦时' });
});

test('a unit written in Latin letters ends where its word ends: 10000P is a unit, the P of PPP or P2P is not', () => {
  const f = facts('实现算力规模超10000P，建成智能算力规模2.4万P。');
  assert.deepEqual(f.map((x) => [x.value, x.unit]), [[10000, 'P'], [2.4, '万P']]);
  assert.deepEqual(find(f, 2.4).normalized, { value: 24000, unit: 'PFLOPS' });
  assert.deepEqual(facts('推进3PPP项目，清理12P2P平台。').filter((x) => /P/.test(x.unit)), []);
});

test('figures of one unit family compare: 亿斤 and 万吨, 兆瓦 and 千瓦', () => {
  const f = facts('粮食总产466亿斤，东营津辉500兆瓦电化学储能建成。');
  assert.deepEqual(find(f, 466).normalized, { value: 2330e4, unit: '吨' });
  assert.deepEqual(find(f, 500).normalized, { value: 5e5, unit: '千瓦' });
});

test('decline words give a negative change', () => {
  const f = facts('事故起数比降12.5%，死亡人数压缩8%，能耗降幅达到3%，单位产值能耗回落2.1%，非生产性支出缩减6%。');
  for (const v of [-12.5, -8, -3, -2.1, -6]) assert.equal(find(f, v).measure, 'change', String(v));
  assert.equal(find(f, -3).metric, '能耗');
  // 增加值 is a noun, 降费 no decline of a figure
  const g = facts('工业增加值跨过万亿元大关，减税降费1200亿元。');
  assert.deepEqual(row('工业增加值跨过万亿元大关。'), [['工业增加值', 1, '万亿元', 'level', 'gt']]);
  assert.equal(find(g, 1200).value, 1200);
});

test('ranks in any wording; 居全国前列 and 第一梯队 are no rank', () => {
  const f = facts('区域创新能力排名跃升至全国第二，全国排名上升到第13位，兰州高新区全国排名53位、提升3位，粮食单产1050斤、首次跃居全国第一。');
  const ranks = f.filter((x) => x.measure === 'rank').map((x) => [x.metric, x.value]);
  assert.deepEqual(ranks, [['区域创新能力', 2], ['区域创新能力', 13], ['兰州高新区', 53], ['粮食单产', 1]]);
  assert.equal(find(f, 3).measure, 'change');
  assert.deepEqual(facts('主要经济指标增速排名位居全国前列，数字经济位列全国第一梯队。'), []);
});

test('a zero written as a number is a value', () => {
  assert.deepEqual(row('生产安全事故死亡率为0。'), [['生产安全事故死亡率', 0, '', 'level', 'eq']]);
});

test('numbers inside names, slogans, age brackets and denominators are no facts', () => {
  const f = facts('我区60岁以上老年人新增30万人，每千人口拥有执业医师3.2人，每10万人口拥有床位60张，提高残疾人两项补贴，首条百兆瓦钙钛矿电池中试线运行，26兆瓦级海上风力发电机组下线。');
  assert.deepEqual(f.map((x) => [x.value, x.unit]), [[30, '万人'], [3.2, '人'], [60, '张']]);
  assert.equal(find(f, 3.2).metric, '每千人口拥有执业医师');
});

test('parallel items keep their own noun; 分别 lists share the comparator after the last', () => {
  assert.deepEqual(row('建成12所学校、30个社区食堂。'), [['学校', 12, '所', 'level', 'eq'], ['社区食堂', 30, '个', 'level', 'eq']]);
  assert.deepEqual(row('城镇调查失业率和居民消费价格涨幅分别控制在5.5%和3%以内。').map((r) => [r[0], r[4]]), [['城镇调查失业率', 'lte'], ['居民消费价格涨幅', 'lte']]);
});

test('a metric is never a verb or a fragment', () => {
  const metrics = (t: string) => facts(t).map((f) => f.metric);
  assert.deepEqual(metrics('新开工10个重大项目，强力推进9个“一件事”改革，共建首批12家创新联合体。'), ['重大项目', '“一件事”改革', '创新联合体']);
  assert.deepEqual(metrics('加快1600个城市更新、600个医教康育服务项目建设，到位资金7969.9亿元。'), ['城市更新', '医教康育服务项目', '到位资金']);
  assert.deepEqual(metrics('统筹用好中央149.2亿元乡村振兴补助资金。'), ['乡村振兴补助资金']);
  assert.deepEqual(metrics('深化30项重点改革，完善首批15个示范区，超额完成3项任务，超额完成年度计划12.5%。'), ['重点改革', '示范区', '任务', '超额完成年度计划']);
  assert.deepEqual(metrics('地区生产总值增长6%左右、突破2.6万亿元大关。'), ['地区生产总值', '地区生产总值']);
});
