import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Table, TableRow } from '../../src/model/records.js';
import { parseCell, parseTables } from '../../src/structure/tables/index.js';

/** Simulates the repair layer on raw lines: drop blank lines, remove stray spaces. */
function repaired(raw: string[], first = 1): { text: string; line: number }[] {
  return raw
    .map((t, i) => ({
      text: t
        .replace(/\r$/, '')
        .replace(/ +/g, (m: string, k: number, s: string) =>
          /[A-Za-z0-9.]/.test(s[k - 1] ?? '') && /[A-Za-z0-9]/.test(s[k + m.length] ?? '') ? ' ' : '',
        ),
      line: first + i,
    }))
    .filter((l) => l.text.trim() !== '');
}

const cellsOf = (r: TableRow) => r.cells.map((c) => (c.empty ? '∅' : c.value !== undefined ? `${c.comparator ?? ''}${c.value}${c.estimate ? '*' : ''}` : c.text));
const row = (t: Table, no: string) => {
  const r = t.rows.find((x) => x.no === no);
  assert.ok(r, `row ${no} of ${t.label}`);
  return r;
};

// ---- fixtures (蓝湖市, fictional) ----

// 表 3-2: a 类别 column split across rows, two-level header, header repeated after a page break,
// two indicators in one row, worded and wrapped cells, attribute column.
const PLAN = [
  '到2030年，蓝湖市主要指标如下。',
  '表 3-2 蓝湖市“十五五”时期经济社会发展主要指标',
  '类别\t指标名称\t2025 年\t“十五五” 目标\t\t属性',
  '\t\t\t2030 年\t年均增长 (%)\t',
  '经济\t1. 地区生产总值 (亿元)\t820*\t1100\t6 左右\t预期性',
  '发展\t2. 数字经济核心产业增加值占比 (%)\t9.5\t≥12\t—\t预期性',
  '\t3. 居民人均可支配收入年均增长率 (%)\t—\t—\t与经济增 长同步\t预期性',
  '生态\t4. 森林覆盖率 (%) 湿地保护率 (%)\t41.2 55\t42 ≥56\t— —\t约束性',
  '环境\t5. 细颗粒物 (PM2.5) 浓度 (μg/m ³)\t28\t<25\t—\t约束性',
  '\t6. 单位地区生产总值能耗降低 (%)\t—\t完成省下达\t—\t约束性',
  '\t\t\t目标任务\t\t',
  '',
  '类别\t指标名称\t2025年\t“十五五”目标\t\t属性',
  '\t\t\t2030年\t年均增长(%)\t',
  '民生福祉\t7. 城镇调查失业率 (%)\t4.8\t5.5 以内\t—\t预期性',
  '\t8. 城乡居民收入比 (一)\t1.9\t1.8\t—\t预期性',
  '\t9. 人均预期寿命 (岁)\t79.1\t>80\t—\t预期性',
  '\t10. 每千人口拥有托位数 (个)\t2.6\t4.5\t-\t预期性',
  '注：“*”表示预计数，2025年数据为初步',
  '核算数。',
  '第四章 推动高质量发展',
];

// 表 2: category rows with counts (one without its tabs), a name wrapped onto the next line.
const REVIEW = [
  '表2 蓝湖市“十四五”规划主要指标完成情况',
  '指标名称\t2020年\t规划目标\t\t完成情况\t',
  '\t\t2025年\t年均增长\t2025年\t年均增长',
  '经济发展（2）\t\t\t\t\t',
  '1.全员劳动生产率（万元/人）\t15\t18\t—\t19.6*\t—',
  '2.地区生产总值年均增长率（%）\t—\t—\t6.5左右\t—\t5.9',
  '创新驱动（1）',
  '3.每万人口高价值发明专利拥有量\t\t\t\t\t',
  '（件）\t2.1\t4\t—\t4.6\t—',
  '绿色低碳（2）\t\t\t\t\t',
  '4.单位生产总值能耗降低（%）\t—\t—\t省下达目标以内\t—\t完成',
  '5.城市生活污水集中收集率（%）\t60\t>70\t—\t72.5＊\t—',
  '注：“*”表示预计数。',
  '三、主要任务',
];

// A table emitted column by column.
const COLUMNWISE = [
  '附件',
  '蓝湖市废止的规范性文件',
  '目 录',
  '序号',
  '1',
  '2',
  '3',
  '文件名称及文号',
  '《蓝湖市人民政府关于加强城市绿地管理的',
  '通知》（蓝政〔2015〕12号）',
  '《蓝湖市湖区渔业资源保护办法》（蓝政办〔2016〕3号）',
  '《蓝湖市人民政府办公室关于印发＜蓝湖市旅游市场整治方案＞的通知》（蓝政',
  '办〔2018〕77号）',
  '印发时间',
  '2015年3月2日',
  '2016年1月18日',
  '2018年9月30日',
  '蓝湖市人民政府办公室',
];

const GRID = [
  '表 5 蓝湖市各区联系方式',
  '序号\t单位\t联系电话',
  '1\t东湖区\t0000-1111',
  '2\t西湖区\t0000-2222',
  '3\t湖滨新区\t0000-3333',
  '以上单位须于每月5日前报送数据。',
];

const CONTENTS = ['目 录', '第一章 总则\t1', '第一节 指导思想\t1', '第二章 主要目标\t5', '第一节 发展目标\t5', '第一章 总则'];

const plan = () => parseTables(repaired(PLAN, 100));
const review = () => parseTables(repaired(REVIEW, 10));

// ---- values ----

test('value cells: numbers, comparators, estimates, dashes, words', () => {
  assert.deepEqual(parseCell('29.8*'), { text: '29.8*', value: 29.8, estimate: true });
  assert.deepEqual(parseCell('≥1'), { text: '≥1', value: 1, comparator: 'gte' });
  assert.deepEqual(parseCell('>98'), { text: '>98', value: 98, comparator: 'gt' });
  assert.deepEqual(parseCell('<5.5'), { text: '<5.5', value: 5.5, comparator: 'lt' });
  assert.deepEqual(parseCell('5.5以内'), { text: '5.5以内', value: 5.5, comparator: 'lte' });
  assert.deepEqual(parseCell('5左右'), { text: '5左右', value: 5, comparator: 'approx' });
  assert.deepEqual(parseCell('91.14以上'), { text: '91.14以上', value: 91.14, comparator: 'gte' });
  for (const d of ['—', '-', '－']) assert.deepEqual(parseCell(d), { text: '—', empty: true });
  assert.deepEqual(parseCell('与经济增 长同步'), { text: '与经济增长同步' });
  assert.deepEqual(parseCell('高于经济增长'), { text: '高于经济增长' });
});

// ---- indicator tables ----

test('caption: label normalised, title, kind, span and notes', () => {
  const [t] = plan();
  assert.equal(t.label, '表 3-2');
  assert.equal(t.title, '蓝湖市“十五五”时期经济社会发展主要指标');
  assert.equal(t.kind, 'indicator');
  assert.deepEqual(t.lines, [101, 119]);
  assert.deepEqual(t.notes, ['注：“*”表示预计数，2025年数据为初步核算数。']);
  assert.equal(review()[0].label, '表 2');
});

test('two-level header joined per column with "/"', () => {
  assert.deepEqual(plan()[0].columns, ['2025年', '“十五五”目标/2030年', '“十五五”目标/年均增长(%)']);
  assert.deepEqual(review()[0].columns, ['2020年', '规划目标/2025年', '规划目标/年均增长', '完成情况/2025年', '完成情况/年均增长']);
});

test('header repeated after a page break is skipped', () => {
  const [t] = plan();
  assert.deepEqual(t.rows.map((r) => r.no), ['1', '2', '3', '4', '4b', '5', '6', '7', '8', '9', '10']);
  assert.ok(t.rows.every((r) => !/类别|指标名称/.test(r.name)));
});

test('category column split across rows is joined; empty cells inherit', () => {
  const [t] = plan();
  const cats = Object.fromEntries(t.rows.map((r) => [r.no, r.category]));
  assert.deepEqual(cats, {
    1: '经济发展', 2: '经济发展', 3: '经济发展', 4: '生态环境', '4b': '生态环境', 5: '生态环境', 6: '生态环境',
    7: '民生福祉', 8: '民生福祉', 9: '民生福祉', 10: '民生福祉',
  });
});

test('category rows set the category without the count', () => {
  const [t] = review();
  assert.deepEqual(t.rows.map((r) => [r.no, r.category]), [
    ['1', '经济发展'], ['2', '经济发展'], ['3', '创新驱动'], ['4', '绿色低碳'], ['5', '绿色低碳'],
  ]);
  assert.equal(t.rows[0].attribute, undefined);
});

test('units are taken out of the name', () => {
  const [t] = plan();
  const units = t.rows.map((r) => [r.name, r.unit]);
  assert.deepEqual(units.slice(0, 2), [['地区生产总值', '亿元'], ['数字经济核心产业增加值占比', '%']]);
  assert.deepEqual([row(t, '5').name, row(t, '5').unit], ['细颗粒物(PM2.5)浓度', 'μg/m³']);
  assert.deepEqual([row(t, '8').name, row(t, '8').unit], ['城乡居民收入比', '']);
  assert.deepEqual([row(t, '9').name, row(t, '9').unit], ['人均预期寿命', '岁']);
  const r1 = review()[0].rows[0];
  assert.deepEqual([r1.name, r1.unit], ['全员劳动生产率', '万元/人']);
});

test('two indicators in one row become "4" and "4b"', () => {
  const [t] = plan();
  const a = row(t, '4'), b = row(t, '4b');
  assert.deepEqual([a.name, a.unit, a.category, a.attribute], ['森林覆盖率', '%', '生态环境', '约束性']);
  assert.deepEqual([b.name, b.unit, b.category, b.attribute], ['湿地保护率', '%', '生态环境', '约束性']);
  assert.deepEqual(cellsOf(a), ['41.2', '42', '∅']);
  assert.deepEqual(cellsOf(b), ['55', 'gte56', '∅']);
  assert.equal(a.line, b.line);
});

test('worded cells are joined, also over a wrapped line', () => {
  const [t] = plan();
  assert.deepEqual(row(t, '3').cells[2], { text: '与经济增长同步' });
  assert.deepEqual(row(t, '6').cells[1], { text: '完成省下达目标任务' });
  assert.deepEqual(review()[0].rows[3].cells[2], { text: '省下达目标以内' });
});

test('estimates and comparators in cells', () => {
  const [t] = plan();
  assert.deepEqual(cellsOf(row(t, '1')), ['820*', '1100', 'approx6']);
  assert.deepEqual(cellsOf(row(t, '2')), ['9.5', 'gte12', '∅']);
  assert.deepEqual(cellsOf(row(t, '5')), ['28', 'lt25', '∅']);
  assert.deepEqual(cellsOf(row(t, '7')), ['4.8', 'lte5.5', '∅']);
  assert.deepEqual(cellsOf(row(t, '9')), ['79.1', 'gt80', '∅']);
  assert.deepEqual(cellsOf(row(t, '10')), ['2.6', '4.5', '∅']);
  assert.deepEqual(cellsOf(review()[0].rows[4]), ['60', 'gt70', '∅', '72.5*', '∅']);
});

test('attribute column', () => {
  const [t] = plan();
  assert.deepEqual(t.rows.map((r) => r.attribute), [
    '预期性', '预期性', '预期性', '约束性', '约束性', '约束性', '约束性', '预期性', '预期性', '预期性', '预期性',
  ]);
});

test('a name wrapped onto the next line is joined with its unit', () => {
  const r = review()[0].rows[2];
  assert.deepEqual([r.no, r.name, r.unit], ['3', '每万人口高价值发明专利拥有量', '件']);
  assert.deepEqual(cellsOf(r), ['2.1', '4', '∅', '4.6', '∅']);
});

test('leading/trailing tabs trimmed by the extractor still align', () => {
  const lines = PLAN.map((l) => l.replace(/^\t+|\t+$/g, ''));
  const [t] = parseTables(repaired(lines, 100));
  assert.deepEqual(t.columns, ['2025年', '“十五五”目标/2030年', '“十五五”目标/年均增长(%)']);
  assert.deepEqual([row(t, '3').category, row(t, '3').attribute], ['经济发展', '预期性']);
  assert.deepEqual(cellsOf(row(t, '8')), ['1.9', '1.8', '∅']);
});

// ---- grids ----

test('column-by-column table is rebuilt into rows', () => {
  const [t] = parseTables(repaired(COLUMNWISE, 50));
  assert.equal(t.kind, 'grid');
  assert.equal(t.label, '附件表1');
  assert.equal(t.title, '蓝湖市废止的规范性文件目录');
  assert.deepEqual(t.columns, ['序号', '文件名称及文号', '印发时间']);
  assert.deepEqual(t.grid, [
    ['1', '《蓝湖市人民政府关于加强城市绿地管理的通知》（蓝政〔2015〕12号）', '2015年3月2日'],
    ['2', '《蓝湖市湖区渔业资源保护办法》（蓝政办〔2016〕3号）', '2016年1月18日'],
    ['3', '《蓝湖市人民政府办公室关于印发＜蓝湖市旅游市场整治方案＞的通知》（蓝政办〔2018〕77号）', '2018年9月30日'],
  ]);
  assert.deepEqual(t.lines, [53, 66]);
});

test('tab rows that are not an indicator table make a grid', () => {
  const [t] = parseTables(repaired(GRID));
  assert.equal(t.kind, 'grid');
  assert.equal(t.label, '表 5');
  assert.deepEqual(t.columns, ['序号', '单位', '联系电话']);
  assert.deepEqual(t.grid, [['1', '东湖区', '0000-1111'], ['2', '西湖区', '0000-2222'], ['3', '湖滨新区', '0000-3333']]);
  assert.deepEqual(t.lines, [1, 5]);
});

test('a table of contents is not a table', () => {
  assert.deepEqual(parseTables(repaired(CONTENTS)), []);
});

// ---- corpus ----

const root = fileURLToPath(new URL('../..', import.meta.url));
const shared = join(root, '..', 'shared');
const skip = existsSync(join(shared, 'corpus')) ? false : '../shared absent: corpus tests skipped';
const corpus = (name: string) => parseTables(repaired(readFileSync(join(shared, 'corpus', name), 'utf8').split('\n')));

test('corpus 001: 表 1-1 matches the gold exactly', { skip }, () => {
  const gold = JSON.parse(readFileSync(join(shared, 'gold', 'tables.json'), 'utf8')) as Record<string, Table[]>;
  const file = '001_b002e0f30dd853f2.txt';
  const tables = corpus(file);
  for (const gt of gold[file]) {
    const pt = tables.find((t) => t.label === gt.label);
    assert.ok(pt, gt.label);
    assert.equal(pt.title, gt.title);
    assert.deepEqual(pt.columns, gt.columns);
    for (const gr of gt.rows) {
      const pr = row(pt, gr.no);
      for (const k of ['name', 'unit', 'category', 'attribute'] as const) assert.equal(pr[k], gr[k], `${gt.label} #${gr.no} ${k}`);
      assert.equal(pr.cells.length, gr.cells.length);
      gr.cells.forEach((gc, i) => {
        const pc = pr.cells[i];
        assert.equal(!!pc.empty, !!gc.empty, `#${gr.no} col ${i} empty`);
        assert.equal(pc.value, gc.value, `#${gr.no} col ${i} value`);
        assert.equal(pc.comparator, gc.comparator, `#${gr.no} col ${i} comparator`);
        assert.equal(!!pc.estimate, !!gc.estimate, `#${gr.no} col ${i} estimate`);
        assert.equal(pc.text, gc.text, `#${gr.no} col ${i} text`);
      });
    }
  }
});

test('corpus 001: 表 2-1 has 24 indicators plus 9b', { skip }, () => {
  const t = corpus('001_b002e0f30dd853f2.txt').find((x) => x.label === '表 2-1');
  assert.ok(t);
  assert.equal(t.kind, 'indicator');
  assert.deepEqual(t.columns, ['2025年/“十四五”期间', '“十五五”规划目标/总量', '“十五五”规划目标/年均增速(%)']);
  const nos = t.rows.map((r) => r.no);
  assert.deepEqual(nos.filter((n) => /^\d+$/.test(n)), Array.from({ length: 24 }, (_, i) => String(i + 1)));
  assert.equal(nos.length, 25);
  const b = row(t, '9b');
  assert.deepEqual([b.name, b.unit, b.attribute], ['草原综合植被盖度', '%', '约束性']);
  assert.deepEqual(b.cells, [{ text: '42.33', value: 42.33 }, { text: '≥42.33', value: 42.33, comparator: 'gte' }, { text: '—', empty: true }]);
  assert.ok(t.rows.every((r) => r.attribute === '预期性' || r.attribute === '约束性'));
  assert.deepEqual([row(t, '1').category, row(t, '1').cells[2]], ['经济发展', { text: '5左右', value: 5, comparator: 'approx' }]);
  assert.deepEqual([row(t, '8').name, row(t, '8').unit], ['算力规模', 'PFLOPS']);
  assert.deepEqual([row(t, '15').unit, row(t, '15').category], ['', '民生福祉']);
});

test('corpus 001: the table of contents is not a table', { skip }, () => {
  assert.deepEqual(corpus('001_b002e0f30dd853f2.txt').map((t) => t.label), ['表 1-1', '表 2-1']);
});

test('corpus 004: the column-wise table gives 9 rows with their dates', { skip }, () => {
  const t = corpus('004_02ee0d497d33db2e.txt').find((x) => x.columns.includes('印发时间'));
  assert.ok(t);
  assert.equal(t.kind, 'grid');
  assert.equal(t.title, '停止执行的市级计划生育奖励扶助政策文件目录');
  assert.deepEqual(t.columns, ['序号', '文件名称及文号', '印发时间']);
  assert.equal(t.grid?.length, 9);
  assert.deepEqual(t.grid.map((r) => r[0]), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  assert.deepEqual(t.grid.map((r) => r[2]), [
    '2007年6月6日', '2008年4月2日', '2008年4月25日', '2009年3月12日', '2010年4月7日',
    '2011年6月26日', '2012年9月10日', '2013年10月11日', '2014年11月14日',
  ]);
  assert.ok(t.grid.every((r) => /^《.*号）$/.test(r[1])));
  assert.equal(t.grid[2][1], '《进一步健全格尔木市人口和计划生育利益导向机制》（格政〔2008〕30号）');
});

test('a table with a 序号 column, a unit column and category rows written "一、经济发展"', () => {
  const lines = [
    '附表1 蓝湖市“十五五”经济社会发展主要指标',
    '序号\t指标\t单位\t2025年\t2030年\t年均增长\t属性',
    '一、经济发展\t\t\t\t\t\t',
    '1\t地区生产总值\t亿元\t128.6\t165\t5左右\t预期性',
    '二、绿色发展\t\t\t\t\t\t',
    '2\t森林覆盖率\t%\t35.2*\t37\t—\t约束性',
  ].map((text, i) => ({ text, line: i + 1 }));
  const [t] = parseTables(lines);
  assert.deepEqual(t.columns, ['2025年', '2030年', '年均增长']);
  assert.deepEqual(
    t.rows.map((r) => [r.no, r.category, r.name, r.unit, r.attribute]),
    [
      ['1', '经济发展', '地区生产总值', '亿元', '预期性'],
      ['2', '绿色发展', '森林覆盖率', '%', '约束性'],
    ],
  );
  assert.deepEqual(t.rows[1].cells[0], { text: '35.2*', value: 35.2, estimate: true });
});
