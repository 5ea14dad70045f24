// Evaluation reports on the samples' plan: the DOCX read back has the report's headings and an indicator
// table equal to what `evaluate` says; departments' updates appear as progress and as reasons; HTML
// escapes every text and carries the chart as SVG; midterm judges plan-period targets by their trend.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/db.js';
import type { UpdatesTable } from '../../src/store/schema.js';
import { addActuals } from '../../src/monitor/manual.js';
import { reportData } from '../../src/report/data.js';
import { renderDocx } from '../../src/report/docx.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { INDICATOR_HEAD } from '../../src/report/layout.js';
import { planPeriod, ReportError } from '../../src/report/scope.js';
import { storeKinds } from '../store/stores.js';
import { docxHeadings, docxTableRows, docxText, expectedRows, ingestSamples } from './helpers.js';

const SECTIONS = ['一、总体评价', '二、主要指标完成情况', '三、重点任务进展', '四、重大工程项目进展', '五、存在问题', '六、下一步建议'];

const update = (u: Partial<UpdatesTable> & Pick<UpdatesTable, 'id' | 'subject_kind' | 'subject_id' | 'unit' | 'text' | 'status'>): UpdatesTable => ({
  period: '2025', value: null, progress: null, evidence_name: null, evidence_path: null, comment: null, version: 1,
  submitted_by: 'test', submitted_at: '2025-11-01T00:00:00.000Z', reviewed_by: null, reviewed_at: null, ...u,
});

test('the plan period: 十五五 from the title, else the years in it, else the last target year', () => {
  assert.deepEqual(planPeriod('蓝湖市国民经济和社会发展第十五个五年规划纲要', []), { start: 2026, end: 2030 });
  assert.deepEqual(planPeriod('格尔木市“十四五”生态保护规划', []), { start: 2021, end: 2025 });
  assert.deepEqual(planPeriod('国土空间总体规划（2021—2035年）', []), { start: 2021, end: 2035 });
  assert.deepEqual(planPeriod('某专项规划', [2025, 2027]), { start: 2023, end: 2027 });
});

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: the annual DOCX report shows evaluate's figures under the report's headings`, async () => {
    const { store, close } = await open();
    try {
      const { planId, reportId } = await ingestSamples(store);
      const data = await reportData(store, { type: 'annual', plan: '规划纲要', year: 2025 });
      assert.equal(data.plan.id, planId);
      assert.deepEqual([data.plan.start, data.plan.end, data.window.asOf], [2026, 2030, '2026-01-01']);
      const buf = await renderDocx(data);
      const raw = await docxText(buf);
      const headings = await docxHeadings(buf);
      for (const s of SECTIONS) assert.ok(headings.includes(`h1 ${s}`), `heading ${s} in ${headings.join(', ')}`);
      assert.ok(raw.startsWith(data.title));
      const rows = docxTableRows(raw, INDICATOR_HEAD);
      assert.deepEqual(rows.map((r) => Number(r[0])), rows.map((_, i) => i + 1), 'numbered 1…n');
      const shown = rows.map((r) => r.slice(1).join(' | ')).sort();
      assert.deepEqual(shown, await expectedRows(store, '蓝湖市', 2025, planId, reportId, '2026-01-01'));
      // the figures of 表 1-1 in the samples: GDP growth 5.2 against 6 左右 in 2025, a year that is over: missed, never "at risk"
      assert.ok(rows.some((r) => r[1] === '地区生产总值增长率' && r[5] === '6 左右' && r[6] === '5.2（2025）' && r[7] === '未达到'), JSON.stringify(rows.filter((r) => r[1] === '地区生产总值增长率')));
      // the counts of 总体评价 are those of the table; with most targets not judgeable it says so instead of judging
      const judged = rows.filter((r) => r[7] !== '暂无数据' && r[7] !== '无法评价').length;
      assert.equal(data.judgeable.ok, judged * 2 > rows.length);
      assert.match(raw, data.judgeable.ok ? new RegExp(`纳入监测的指标目标共 ${rows.length} 项`) : new RegExp(`纳入监测的 ${rows.length} 项指标目标中，能够作出判断的仅 ${judged} 项`));
      assert.match(raw, /蓝湖市发展和改革委员会\n+\d{4}年\d+月\d+日/, 'the issuer and the date at the end');
      // every target and actual shown has its file and line in the appendix
      for (const r of data.groups.flatMap((g) => g.rows)) {
        assert.ok(data.sources.some((s) => s.ref === `指标 ${r.no}` && s.figure === `目标 ${r.target}` && s.source.line === r.targetSource.line));
        if (r.actual) assert.ok(r.actualSource?.line, `${r.indicator} ${r.actual} has a source line`);
      }
      assert.match(raw, /《蓝湖市[^》]*规划纲要》第 40 行/);
      assert.doesNotMatch(raw, /\.txt/, 'documents are cited by region, year and title, never by file name');
    } finally {
      await close();
    }
  });

  test(`${kind}: departments' updates give task completion and the reasons of lagging items`, async () => {
    const { store, close } = await open();
    try {
      await ingestSamples(store);
      const road = await store.selectFrom('tasks').selectAll().where('title', 'like', '%快速通道%').executeTakeFirstOrThrow();
      const gdp = await store.selectFrom('targets').select('id').where('indicator_id', '=', 'gdp-growth').where('value', '=', 6).executeTakeFirstOrThrow();
      await store.insertInto('updates').values([
        update({ id: 'u1', subject_kind: 'task', subject_id: road.id, unit: '市交通运输局', text: '快速通道已于10月建成通车', progress: 100, status: 'approved', submitted_at: '2025-11-02T00:00:00.000Z' }),
        update({ id: 'u2', subject_kind: 'target', subject_id: gdp.id, unit: '市发展和改革委员会', text: '受外部需求回落影响，增速低于预期', status: 'submitted' }),
        update({ id: 'u3', subject_kind: 'target', subject_id: gdp.id, unit: '市统计局', text: '退回的说明不应出现', status: 'returned' }),
      ]).execute();
      const data = await reportData(store, { type: 'annual', plan: '规划纲要', year: 2025 });
      const transport = data.departments.find((d) => d.unit === '市交通运输局')!;
      assert.deepEqual([transport.tasks, transport.approved, transport.rate, transport.latest?.text], [1, 1, 1, '快速通道已于10月建成通车']);
      assert.ok(!data.lagging.some((l) => l.name.includes('快速通道')), 'a task with an approved update is not overdue');
      const lag = data.lagging.find((l) => l.kind === '指标' && l.name.startsWith('地区生产总值增长率'))!;
      assert.deepEqual(lag.said.map((s) => `${s.unit} ${s.status} ${s.text}`), ['市发展和改革委员会 submitted 受外部需求回落影响，增速低于预期']);
      const md = renderMarkdown(data);
      assert.match(md, /部门说明：市发展和改革委员会（2025，待审核）：受外部需求回落影响，增速低于预期/);
      assert.doesNotMatch(md, /退回的说明/);
      assert.match(md, /\| 市交通运输局 \| 1 \| 1 \| 100% \| 快速通道已于10月建成通车/);
      assert.ok(data.warnings.every((w) => w.recommendation), 'every warning has a recommendation');
      assert.match(md, /## 六、下一步建议\n\n/);
      assert.doesNotMatch(md, /权重/);
    } finally {
      await close();
    }
  });
}

test('HTML: self-contained, the chart as inline SVG, every text escaped', async () => {
  const [, open] = (await storeKinds())[0];
  const { store, close } = await open();
  try {
    await ingestSamples(store);
    await store.updateTable('indicators').set({ name: '<script>alert("x")</script>' }).where('id', '=', 'gdp-growth').execute();
    await store.updateTable('tasks').set({ title: '<img src=x onerror=alert(1)> | 管道' }).where('title', 'like', '%快速通道%').execute();
    const data = await reportData(store, { type: 'annual', plan: '规划纲要', year: 2025 });
    const page = renderHtml(data);
    assert.match(page, /^<!doctype html>/);
    assert.match(page, /<figure><svg[^>]*>[\s\S]*<\/svg>/);
    assert.doesNotMatch(page, /<script|<img|<link|\ssrc=|\shref=/i, 'no script, image or external resource');
    assert.match(page, /&#60;script&#62;alert\(&#34;x&#34;\)&#60;\/script&#62;/);
    const md = renderMarkdown(data);
    assert.ok(md.includes('\\<img src=x onerror=alert(1)\\> \\| 管道'), 'markdown escapes markup and pipes');
  } finally {
    await close();
  }
});

test('midterm: plan-period targets judged by their trend as of the middle year; errors for a bad request', async () => {
  const [, open] = (await storeKinds())[0];
  const { store, close } = await open();
  try {
    const { planId } = await ingestSamples(store);
    await store.updateTable('targets').set({ set_in: 2025 }).where('document_id', '=', planId).where('year', '=', 2030).execute();
    const a = (year: number, value: number) => ({ indicator: 'urbanisation', region: '蓝湖市', year, value });
    await addActuals(store, [a(2026, 57.5), a(2027, 58.2), a(2028, 59)]);
    const data = await reportData(store, { type: 'midterm', plan: planId });
    assert.deepEqual([data.window.year, data.window.asOf], [2028, '2029-01-01']);
    assert.match(data.title, /中期评估报告$/);
    assert.ok(data.groups.every((g) => g.year >= 2026 && g.year <= 2030), 'only plan-period targets');
    const urb = data.groups.flatMap((g) => g.rows).find((r) => r.indicatorId === 'urbanisation')!;
    assert.equal(urb.status, 'on_track');
    assert.match(urb.reason, /按所需速度/);
    const final = await reportData(store, { type: 'final', plan: planId });
    assert.deepEqual([final.window.year, final.window.asOf], [2030, '2031-01-01']);
    await assert.rejects(reportData(store, { type: 'annual', plan: '没有这个规划', year: 2025 }), ReportError);
    await assert.rejects(reportData(store, { type: 'annual', plan: planId }), /needs its year/);
    await assert.rejects(reportData(store, { type: 'midterm', plan: planId, year: 2035 }), /outside the plan period/);
  } finally {
    await close();
  }
});
