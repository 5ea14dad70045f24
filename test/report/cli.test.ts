// `lantu report` and `lantu excel` through the real CLI on an embedded store in a temporary directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lantu-report-cli-'));
const lantu = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LANTU_DATA_DIR: join(dir, 'data'), LANTU_DATABASE_URL: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('report: DOCX, HTML and Markdown of the samples\' plan; a clear error for a bad request', () => {
  assert.equal(lantu('ingest', join(root, 'samples')).code, 0);
  for (const f of ['docx', 'html', 'md']) {
    const out = join(dir, `annual.${f}`);
    const r = lantu('report', '--type', 'annual', '--plan', '规划纲要', '--year', '2025', '--format', f, '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2025年度监测报告/);
    assert.ok(statSync(out).size > 2000);
  }
  assert.match(readFileSync(join(dir, 'annual.md'), 'utf8'), /^# .*2025年度监测报告\n/);
  const mid = lantu('report', '--type', 'midterm', '--plan', '规划纲要', '--out', join(dir, 'mid.html'));
  assert.equal(mid.code, 0, mid.stderr);
  assert.match(mid.stdout, /中期评估报告.*判断基准日 2029-01-01/);
  const bad = [
    lantu('report', '--type', 'yearly', '--plan', '规划纲要', '--year', '2025', '--out', join(dir, 'x.md')),
    lantu('report', '--type', 'annual', '--plan', '规划纲要', '--year', '2025', '--out', join(dir, 'x.pdf.txt')),
    lantu('report', '--type', 'annual', '--plan', '没有的规划', '--year', '2025', '--out', join(dir, 'x.md')),
  ];
  assert.deepEqual(bad.map((r) => r.code), [2, 2, 2]);
  assert.match(bad[0].stderr, /not annual, midterm or final/);
  assert.match(bad[1].stderr, /not docx, pdf, html or md/);
  assert.match(bad[2].stderr, /no document with the id or a title containing "没有的规划"/);
  assert.ok(!existsSync(join(dir, 'x.md')));
});

test('excel: template, import with errors (nothing stored), --store-valid', async () => {
  const file = join(dir, 'fgw.xlsx');
  const t = lantu('excel', 'template', '--unit', '市发展和改革委员会', '--period', '2025', '--out', file);
  assert.equal(t.code, 0, t.stderr);
  assert.match(t.stdout, /任务 4 项，指标目标 5 项/);
  assert.equal(lantu('excel', 'template', '--unit', '市没有局', '--period', '2025', '--out', join(dir, 'y.xlsx')).code, 2);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.getWorksheet('任务')!.getCell('I2').value = 50;
  wb.getWorksheet('任务')!.getCell('J2').value = '按计划推进';
  wb.getWorksheet('指标')!.getCell('J2').value = 'abc';
  await wb.xlsx.writeFile(file);
  const r = lantu('excel', 'import', file);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /工作表“指标”第 2 行“实际值”列：“abc”不是数字/);
  assert.match(r.stderr, /1 处错误，未入库（无误的行 1 行；加 --store-valid/);
  const v = lantu('excel', 'import', file, '--store-valid');
  assert.equal(v.code, 1, v.stderr);
  assert.match(v.stdout, /市发展和改革委员会 2025 入库 1 条进展，待审核；1 处错误的行未入库/);
});
