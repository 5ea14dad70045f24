import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsOf, find, report } from './helpers.js';

test('an amount with its unit, wrapped over two lines, keeps the line of its first digit', () => {
  const facts = factsOf(report('——经济运行稳中有进。完成地区生产总值 128.6 亿\n\n元，经济总量实现新突破。'));
  const f = find(facts, 128.6);
  assert.equal(f.unit, '亿元');
  assert.equal(f.line, 7);
  assert.equal(f.metric, '地区生产总值');
  assert.deepEqual(f.normalized, { value: 128.6e8, unit: '元' });
  assert.equal(f.modality, 'actual');
  assert.equal(f.year, 2024);
});

test('growth is a change; decline is a negative change', () => {
  const facts = factsOf(report('固定资产投资增长 10.8%，单位生产总值能耗下降 3.2%。'));
  assert.deepEqual([find(facts, 10.8).measure, find(facts, 10.8).metric], ['change', '固定资产投资']);
  const d = find(facts, -3.2);
  assert.equal(d.measure, 'change');
  assert.equal(d.metric, '单位生产总值能耗');
});

test('提升至 is a level, not a change', () => {
  const f = find(factsOf(report('建成区绿化覆盖率提升至 22.5%。')), 22.5);
  assert.equal(f.measure, 'level');
});

test('comparators: 左右 以上 以内 突破 近 余 不低于', () => {
  const facts = factsOf(
    report(
      '清洁能源装机突破 300 万千瓦，游客接待量近 200 万人次，追回欠薪 900余万元。',
      '主要预期目标是：地区生产总值增长 6%左右；城镇新增就业 3000 人以上，城镇登记失业率控制在 4%以内，粮食播种面积不低于 5 万亩。',
    ),
  );
  const cmp = (v: number) => find(facts, v).comparator;
  assert.equal(cmp(300), 'gt');
  assert.equal(cmp(200), 'approx');
  assert.equal(cmp(900), 'gt');
  assert.equal(cmp(6), 'approx');
  assert.equal(cmp(3000), 'gte');
  assert.equal(cmp(4), 'lte');
  assert.equal(cmp(5), 'gte');
});

test('a work report reviews last year (actual) and sets this year (target)', () => {
  const facts = factsOf(report('地方一般公共预算收入 9.5 亿元。', '主要预期目标是：地区生产总值增长 6%左右。'));
  assert.deepEqual([find(facts, 9.5).modality, find(facts, 9.5).year], ['actual', 2024]);
  assert.deepEqual([find(facts, 6).modality, find(facts, 6).year], ['target', 2025]);
});

test('到2030年 makes a target of that year', () => {
  const f = find(factsOf('蓝湖市实施方案\n\n到2030年，常住人口城镇化率达到 60.5%以上。'), 60.5);
  assert.deepEqual([f.modality, f.year, f.comparator, f.metric], ['target', 2030, 'gte', '常住人口城镇化率']);
});

test('分别 distributes a shared subject: 城乡 → 城镇, 农村; shared heads', () => {
  const facts = factsOf(report('城乡居民收入分别增长 4.5%和 6.1%；制造业、电力投资分别增长 12.4%和 7.2%。'));
  assert.equal(find(facts, 4.5).metric, '城镇居民收入');
  assert.equal(find(facts, 6.1).metric, '农村居民收入');
  assert.equal(find(facts, 6.1).measure, 'change');
  assert.equal(find(facts, 12.4).metric, '制造业投资');
  assert.equal(find(facts, 7.2).metric, '电力投资');
});

test('a second number of the same subject inherits its metric', () => {
  const facts = factsOf(report('一般公共预算支出 21.3 亿元，增长 0.8%。'));
  assert.equal(find(facts, 0.8).metric, '一般公共预算支出');
});

test('ranks: 第N位, 首位', () => {
  const facts = factsOf(report('综合竞争力位列西部百强县第 42位，新型储能装机规模居全省县区首位。'));
  assert.deepEqual([find(facts, 42).measure, find(facts, 42).unit], ['rank', '位']);
  const first = facts.find((f) => f.measure === 'rank' && f.value === 1);
  assert.ok(first, 'rank 1 from 首位');
});

test('Chinese numerals with units are facts: 两万, 近四成, 突破千万千瓦', () => {
  const facts = factsOf(report('新增就业两万人，鱼类产量占全省近四成，装机规模突破千万千瓦。'));
  assert.equal(find(facts, 2).unit, '万人');
  assert.deepEqual([find(facts, 4).unit, find(facts, 4).comparator], ['成', 'approx']);
  const big = facts.find((f) => f.normalized?.value === 1e7);
  assert.ok(big, JSON.stringify(facts));
});

test('ranges: 6%－6.5%, 150万—200万', () => {
  const facts = factsOf('蓝湖市实施方案\n\n全年增长 6%－6.5%，住宿企业年营业收入达到150万—200万。');
  assert.deepEqual([find(facts, 6).upper, find(facts, 6).unit], [6.5, '%']);
  assert.deepEqual([find(facts, 150).upper, find(facts, 150).unit], [200, '万']);
});

test('what is not a fact: years, dates, document numbers, ordinals, names, slogans, list counts', () => {
  const text = report(
    '2024年是蓝湖市建市 40周年，2月15日召开第八届人民代表大会第四次会议，印发《方案》（蓝政〔2025〕12号），建设 5G 基站，改造 G315 国道，建成 4A级景区，推进“一城两园”和 750千伏 输变电工程，实施“十大行动”，重点做好十个方面工作，推进三北工程六期，再奋斗五年。',
  );
  const facts = factsOf(text);
  assert.deepEqual(facts.map((f) => `${f.value}${f.unit}`), []);
});

test('a decimal without a unit is a ratio: 城乡居民收入比 1.62', () => {
  const f = find(factsOf(report('城乡居民收入比由 2020 年的 1.79 缩小至 1.62。')), 1.62);
  assert.deepEqual([f.unit, f.metric], ['', '城乡居民收入比']);
  assert.equal(find(factsOf(report('城乡居民收入比由 2020 年的 1.79 缩小至 1.62。')), 1.79).year, 2020);
});

test('words that hold a comparator character are not comparators: 签约, 节约', () => {
  const f = find(factsOf(report('招商引资签约 143.3 亿元。')), 143.3);
  assert.equal(f.comparator, 'eq');
});

test('list counts in headings, words that begin with a unit character, ordinal ranges are not facts', () => {
  const facts = factsOf('蓝湖市实施方案\n\n一、产业发展类（7项）\n\n落实国家五部委要求，统筹“人口、产业”五位一体推进，市公安局负责第一至四项工作，分三个阶段实施。');
  assert.deepEqual(facts.map((f) => `${f.value}${f.unit}`), []);
});

test('a range whose first number has no unit: 打造2—4个', () => {
  const f = find(factsOf('蓝湖市实施方案\n\n每个集团打造2—4个运行机制。'), 2);
  assert.deepEqual([f.upper, f.unit], [4, '个']);
});

test('a verb alone before the number leaves the metric to the noun after the unit: 成立4个工作小组', () => {
  const f = find(factsOf('蓝湖市实施方案\n\n成立4个工作小组。'), 4);
  assert.equal(f.metric, '工作小组');
});

test('a metric ending in a word that looks like a comparator keeps it: 招商引资签约', () => {
  const f = find(factsOf(report('全年招商引资签约 335 亿元以上。')), 335);
  assert.equal(f.metric, '招商引资签约');
});
