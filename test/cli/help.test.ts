// The lantu command speaks Chinese with the English after — commander's errors, the help of every
// command and option — and starts without loading any command's module (lantu --help at once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { lantuProgram } from '../../src/cli/program.js';
import { translateError } from '../../src/cli/help.js';
import { cli, root } from './run.js';

const bilingual = (s: string) => /[\u4e00-\u9fff]/.test(s) && /[A-Za-z]{3,}/.test(s);

test('commander\'s errors in Chinese with the English after', () => {
  assert.equal(translateError("error: unknown option '--foo'\n"), "错误：未知选项 '--foo'（error: unknown option '--foo'）\n");
  assert.equal(translateError("error: unknown command 'stauts'\n(Did you mean status?)\n"), "错误：未知命令 'stauts'（error: unknown command 'stauts'）\n（是否要用：status？/ Did you mean status?）\n");
  assert.match(translateError("error: required option '--indicator <name>' not specified"), /^错误：缺少必需的选项 '--indicator <name>'（error: required option/);
  assert.match(translateError("error: missing required argument 'file'"), /^错误：缺少必需的参数 'file'（error: missing/);
  assert.equal(
    translateError("error: option '--year <year>' argument 'abc' is invalid. “abc”不是年份 / not a year"),
    "错误：选项 '--year <year>' 的取值无效：“abc”不是年份（error: option '--year <year>' argument 'abc' is invalid: not a year）\n",
  );
});

test('every command, option and argument is described in Chinese and English; help headings too', () => {
  const program = lantuProgram();
  const walk = (c: Command): Command[] => [c, ...c.commands.flatMap(walk)];
  for (const c of walk(program)) {
    assert.ok(bilingual(c.description()), `${c.name()}: ${c.description()}`);
    const help = c.createHelp();
    for (const o of help.visibleOptions(c)) assert.ok(bilingual(o.description), `${c.name()} ${o.flags}: ${o.description}`);
    for (const a of help.visibleArguments(c)) assert.ok(bilingual(a.description), `${c.name()} ${a.name()}: ${a.description}`);
  }
  const text = program.helpInformation();
  assert.match(text, /^用法 Usage: lantu/);
  assert.match(text, /命令 Commands:/);
  assert.match(program.commands.find((c) => c.name() === 'export')!.helpInformation(), /（默认 default: "json"）/);
});

test('lantu --help reads no command module: the graph of main.ts reaches no store, report or web library', () => {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'([^']+)'|^import\s+'([^']+)'/gm)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(join(root, 'src/cli/main.ts'));
  for (const heavy of ['kysely', 'better-sqlite3', 'pg', 'exceljs', 'docx', 'echarts', 'fastify', 'pdfjs-dist', 'mammoth'])
    assert.ok(![...packages].some((p) => p === heavy || p.startsWith(`${heavy}/`)), `${heavy} is loaded at start (${[...packages].join(', ')})`);
  assert.ok(seen.size <= 12, `${seen.size} modules at start: ${[...seen].join(', ')}`);
});

test('an unknown option or command: the message in Chinese and English, a suggestion, exit code 2', () => {
  const lantu = cli('lantu-help-');
  const option = lantu('status', '--regoin', '格尔木市');
  assert.equal(option.code, 2);
  assert.match(option.stderr, /错误：未知选项 '--regoin'（error: unknown option '--regoin'）\n（是否要用：--region？\/ Did you mean --region\?）/);
  const command = lantu('stauts');
  assert.equal(command.code, 2);
  assert.match(command.stderr, /错误：未知命令 'stauts'.*\n.*Did you mean status/);
});
