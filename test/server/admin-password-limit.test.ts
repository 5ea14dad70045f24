// Changing one's own password: a wrong old password counts as a failed login of the account, so a
// session left open cannot be used to guess the password at will.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { session, testApp, type TestApp } from './helpers.js';

let t: TestApp;
before(async () => {
  t = await testApp({ loginRateLimit: 2 });
});
after(() => t.close());

test('guesses of the old password are limited like logins', async () => {
  const s = await session(t, 'leader');
  const guess = (old: string) => s.post('/account/password', { old, password: 'leader-new-pass', confirm: 'leader-new-pass' });
  assert.equal((await guess('guess-one')).statusCode, 400);
  assert.equal((await guess('guess-two')).statusCode, 400);
  const third = await guess('correct-horse-battery');
  assert.equal(third.statusCode, 429, 'even the right password waits');
  assert.match(third.body, /密码输错次数过多，请 \d+ 秒后再试/);
  assert.equal((await t.store.selectFrom('audit_log').select('id').where('action', '=', 'password-change').execute()).length, 0);
});
