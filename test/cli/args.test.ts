// The command line refuses what it cannot mean (a year "abc", the 45th of the 13th month, format xml)
// with a message and exit code 2, tells its version, and reports an unreachable or failing database in
// one line naming the URL without its password — the stack only with --debug.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'lantu-args-'));
const lantu = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LANTU_DATA_DIR: dataDir, LANTU_DATABASE_URL: '', LANTU_DEBUG: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l && !/FSTDEP|trace-warnings/.test(l)) };
};

test('lantu --version prints the version of package.json', () => {
  const r = lantu(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout.trim(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
});

test('a year, a date or a format that cannot be meant: a clear message and exit code 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['status', '--year', 'abc'], /“abc”不是年份.*not a year/],
    [['status', '--as-of', '2025-13-45'], /“2025-13-45”不是有效日期.*not a date/],
    [['warnings', '--as-of', '2025-02-30'], /“2025-02-30”不是有效日期/],
    [['export', '--format', 'xml'], /“xml”不是可选值（csv、json、xlsx）/],
    [['actual', 'add', '--indicator', 'gdp', '--region', '蓝湖市', '--year', '25', '--value', '1'], /“25”不是年份/],
    [['report', '--type', 'annual', '--plan', 'x', '--out', join(dataDir, 'r.xml'), '--format', 'xml'], /“xml”不是可选值（docx、pdf、html、md）/],
  ];
  for (const [args, message] of cases) {
    const r = lantu(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr.join('\n')}`);
    assert.match(r.stderr.join('\n'), message);
  }
});

test('an unreachable database: one line naming the URL without the password, exit 1; the stack with --debug', () => {
  const env = { LANTU_DATABASE_URL: 'postgres://lantu:s3cret@127.0.0.1:1/lantu' };
  for (const args of [['status'], ['ingest', join(root, 'samples')]]) {
    const r = lantu(args, env);
    assert.equal(r.code, 1, r.stderr.join('\n'));
    assert.equal(r.stderr.length, 1, r.stderr.join('\n'));
    assert.match(r.stderr[0], /^lantu: 错误 \/ error: cannot connect to the database postgres:\/\/lantu:\*\*\*@127\.0\.0\.1:1\/lantu: .*ECONNREFUSED/);
    assert.doesNotMatch(r.stderr[0], /s3cret/);
  }
  const debug = lantu(['status', '--debug'], env);
  assert.ok(debug.stderr.some((l) => /^\s+at /.test(l)), 'the stack with --debug');
});
