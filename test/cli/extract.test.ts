import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentRecord } from '../../src/model/records.js';
import { REPO, SAMPLES } from '../fixtures/texts.js';

/** Runs `lantu …` from the repository root, as `node --import tsx src/cli/main.ts …`. */
function lantu(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.error, undefined);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ALL = [SAMPLES.report, SAMPLES.plan, SAMPLES.bundle];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-cli-'));

test('extract --json prints {documents: [...]} for the samples', () => {
  const r = lantu('extract', '--json', ...ALL);
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { documents: DocumentRecord[]; errors?: unknown };
  assert.deepEqual(Object.keys(out), ['documents']);
  assert.deepEqual(
    out.documents.map((d) => d.file),
    [...ALL.slice(0, 2).map((f) => path.basename(f)), ...Array(4).fill(path.basename(SAMPLES.bundle))],
  );
  for (const d of out.documents) {
    assert.equal(typeof d.title, 'string');
    assert.ok(d.title.length > 0);
    assert.ok(Array.isArray(d.lines) && d.lines.length === 2 && d.lines[0] <= d.lines[1], JSON.stringify(d.lines));
    assert.ok(Array.isArray(d.sections) && Array.isArray(d.tables) && Array.isArray(d.attachments));
  }
  const [report, plan, reply] = out.documents;
  assert.equal(report.title, '政府工作报告');
  assert.equal(report.date, '2025-02-10');
  assert.deepEqual(
    report.sections.map((s) => s.part),
    ['review', 'tasks', 'self'],
  );
  assert.equal(plan.tables[0].label, '表 1-1');
  assert.equal(plan.tables[0].rows.length, 9);
  assert.equal(reply.docNumber, '蓝政〔2025〕12号');
});

test('extract --json of one file prints only its documents', () => {
  const r = lantu('extract', '--json', SAMPLES.bundle);
  assert.equal(r.code, 0, r.stderr);
  const { documents } = JSON.parse(r.stdout) as { documents: DocumentRecord[] };
  assert.deepEqual(
    documents.map((d) => d.type),
    ['批复', '通知', '通知', '大事记'],
  );
});

test('extract without --json prints a readable summary with the titles', () => {
  const r = lantu('extract', SAMPLES.report);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /《政府工作报告》/);
  assert.match(r.stdout, /01-蓝湖市2025年政府工作报告\.txt/);
  assert.match(r.stdout, /2024年工作回顾/);
  assert.match(r.stdout, /成文日期：2025-02-10/);
  assert.doesNotMatch(r.stdout, /^\s*[{[]/);
});

test('extract summary of a bundle names each document', () => {
  const r = lantu('extract', SAMPLES.bundle);
  assert.equal(r.code, 0, r.stderr);
  for (const t of ['《关于同意蓝湖市第二中学迁建项目实施方案的批复》', '发文字号：蓝政办发〔2025〕7号', '《3月份大事记》']) assert.ok(r.stdout.includes(t), t);
});

test('bad files among good ones: exit 1, each bad file named with its reason, good files still extracted', () => {
  const missing = path.join(tmp, 'missing.txt');
  const empty = path.join(tmp, 'empty.txt');
  fs.writeFileSync(empty, '');
  const r = lantu('extract', '--json', SAMPLES.report, missing, empty, SAMPLES.plan);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`${escape(missing)}: file not found`));
  assert.match(r.stderr, new RegExp(`${escape(empty)}: empty file`));
  const complaints = r.stderr.split('\n').filter((l) => l.startsWith('lantu: '));
  assert.equal(complaints.length, 2, 'only the bad files are reported');
  const out = JSON.parse(r.stdout) as { documents: DocumentRecord[]; errors: Array<{ file: string; reason: string }> };
  assert.deepEqual(
    out.documents.map((d) => d.title),
    ['政府工作报告', '蓝湖市国民经济和社会发展第十五个五年规划纲要'],
  );
  assert.deepEqual(
    out.errors.map((e) => e.file),
    [missing, empty],
  );
});

test('bad files in summary mode: exit 1, and the good file is still summarised', () => {
  const missing = path.join(tmp, 'nowhere.txt');
  const r = lantu('extract', missing, SAMPLES.plan);
  assert.equal(r.code, 1);
  assert.match(r.stderr, new RegExp(`${escape(missing)}: file not found`));
  assert.match(r.stdout, /《蓝湖市国民经济和社会发展第十五个五年规划纲要》/);
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('extract --json gives each document its messages (file, line, rule) and each fact its span', () => {
  const file = path.join(tmp, 'gaps.txt');
  const text = ['工作要点', '一、总体要求', '今年发放宣传册3500沓，新建道路30公里。', '序号\t名称'].join('\n');
  fs.writeFileSync(file, text);
  const r = lantu('extract', '--json', file);
  assert.equal(r.code, 0, r.stderr);
  const [d] = (JSON.parse(r.stdout) as { documents: DocumentRecord[] }).documents;
  const rules = (d.messages ?? []).map((m) => `${m.file}:${m.line}:${m.rule}`);
  for (const want of ['gaps.txt:1:document-region', 'gaps.txt:3:unit-unknown', 'gaps.txt:4:table-unparsed']) assert.ok(rules.includes(want), `${want} in ${rules}`);
  const road = d.facts?.find((f) => f.value === 30);
  assert.ok(road?.span, JSON.stringify(d.facts));
  assert.equal(text.slice(road.span.start.offset, road.span.end.offset), road.quote);
  const summary = lantu('extract', file);
  assert.match(summary.stdout, /未能处理：\d+ 条/);
  assert.match(summary.stdout, /第3行8列 \[unit-unknown\]/);
});
