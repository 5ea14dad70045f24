// `lantu user add|passwd|email|list`: a password piped on stdin (never an argument), the rules of the web
// application (department users need a known unit), and the password taking effect (argon2 hash).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './run.js';
import { openStore } from '../../src/store/db.js';
import { checkPassword } from '../../src/server/auth.js';

const dataDir = mkdtempSync(join(tmpdir(), 'lantu-user-'));
const lantu = (input: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8', input, env: { ...process.env, LANTU_DATA_DIR: dataDir, LANTU_DATABASE_URL: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('user add, list and passwd read the password from stdin and follow the web rules', async () => {
  const add = lantu('first-admin-pass\n', 'user', 'add', 'root', '--role', 'admin', '--name', '管理员');
  assert.equal(add.code, 0, add.stderr);
  assert.match(add.stdout, /已创建用户 root/);
  const short = lantu('short\n', 'user', 'add', 'other', '--role', 'planner');
  assert.equal(short.code, 2);
  assert.match(short.stderr, /密码至少 10 个字符/);
  const noUnit = lantu('long-enough-pass\n', 'user', 'add', 'dept', '--role', 'department');
  assert.equal(noUnit.code, 2);
  assert.match(noUnit.stderr, /须绑定至少一个责任单位/);
  const list = lantu('', 'user', 'list', '--json');
  const users = JSON.parse(list.stdout).users as Array<{ username: string; role: string; displayName: string }>;
  assert.deepEqual(users.map((u) => [u.username, u.role, u.displayName]), [['root', 'admin', '管理员']]);
  assert.doesNotMatch(list.stdout, /argon2/);
  const mail = lantu('', 'user', 'email', 'root', 'root@lanhu.gov.cn');
  assert.equal(mail.code, 0, mail.stderr);
  assert.equal(JSON.parse(lantu('', 'user', 'list', '--json').stdout).users[0].email, 'root@lanhu.gov.cn');
  const badMail = lantu('', 'user', 'email', 'root', 'nobody-at-all');
  assert.equal(badMail.code, 2);
  assert.match(badMail.stderr, /电子邮件地址无效/);
  assert.equal(lantu('', 'user', 'email', 'root').code, 0, 'no address: cleared');
  assert.equal(JSON.parse(lantu('', 'user', 'list', '--json').stdout).users[0].email, null);
  const pw = lantu('second-admin-pass\n', 'user', 'passwd', 'root');
  assert.equal(pw.code, 0, pw.stderr);
  assert.equal(lantu('x-long-password\n', 'user', 'passwd', 'nobody').code, 2);
  const store = await openStore({ url: '', dataDir });
  try {
    assert.equal(await checkPassword(store, 'root', 'first-admin-pass'), undefined);
    assert.ok(await checkPassword(store, 'root', 'second-admin-pass'));
    assert.equal((await store.selectFrom('audit_log').select('action').where('username', '=', 'cli').orderBy('at').execute()).map((r) => r.action).join(), 'user-add,user-update,user-update,password-reset');
  } finally {
    await store.destroy();
  }
});
