// A PostgreSQL store that cannot be opened says, in one line, the URL without its password, the reason
// (connection refused, authentication failed, database missing) and what to do, in English and Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { openStore, safeUrl, StoreError } from '../../src/store/db.js';
import { PG_URL, postgresAvailable } from './stores.js';

const available = await postgresAvailable();

async function failure(url: string): Promise<string> {
  const err = await openStore({ url }).then(
    () => assert.fail('opened'),
    (e: Error) => e,
  );
  assert.ok(err instanceof StoreError, String(err));
  assert.doesNotMatch(err.message, /s3cret/);
  assert.doesNotMatch(err.message, /\n/);
  return err.message;
}

/** A server that answers every startup with the error PostgreSQL sends for a wrong password. */
async function refusingPassword(): Promise<{ port: number; close(): void }> {
  const field = (t: string, v: string) => Buffer.concat([Buffer.from(t), Buffer.from(v), Buffer.from([0])]);
  const fields = Buffer.concat([field('S', 'FATAL'), field('V', 'FATAL'), field('C', '28P01'), field('M', 'password authentication failed for user "lantu"'), Buffer.from([0])]);
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeUInt32BE(fields.length + 4, 1);
  const server = createServer((socket) => socket.once('data', () => socket.end(Buffer.concat([head, fields]))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

test('safeUrl hides the password of the user part and of a password= parameter', () => {
  assert.equal(safeUrl('postgres://lantu:s3cret@db.example:5432/lantu'), 'postgres://lantu:***@db.example:5432/lantu');
  assert.equal(safeUrl('postgresql://lantu@db/lantu?sslmode=require&password=s3cret'), 'postgresql://lantu@db/lantu?sslmode=require&password=***');
  assert.equal(safeUrl('postgres://db/lantu'), 'postgres://db/lantu');
});

test('connection refused: the URL, the reason, and to start the server or correct host and port', async () => {
  const m = await failure('postgres://lantu:s3cret@127.0.0.1:1/lantu');
  assert.match(m, /^cannot connect to the database postgres:\/\/lantu:\*\*\*@127\.0\.0\.1:1\/lantu: connection refused \(ECONNREFUSED\)/);
  assert.match(m, /start it, or correct the host and port in LANTU_DATABASE_URL/);
  assert.match(m, /连接被拒绝/);
});

test('a wrong password: authentication failed, and to correct the user name and password', async () => {
  const fake = await refusingPassword();
  try {
    const m = await failure(`postgres://lantu:s3cret@127.0.0.1:${fake.port}/lantu`);
    assert.match(m, new RegExp(`lantu:\\*\\*\\*@127\\.0\\.0\\.1:${fake.port}/lantu: authentication failed for lantu \\(28P01`));
    assert.match(m, /correct the user name and password/);
    assert.match(m, /身份验证失败/);
  } finally {
    fake.close();
  }
});

test('an unknown user and a missing database on a real server', { skip: !available && 'PostgreSQL is not reachable' }, async () => {
  const base = new URL(PG_URL);
  const role = new URL(PG_URL);
  role.username = 'lantu_no_such_role';
  role.password = 's3cret';
  assert.match(await failure(role.href), /authentication failed for lantu_no_such_role \(28000.*身份验证失败/);
  base.pathname = '/lantu_no_such_db';
  const m = await failure(base.href);
  assert.match(m, /database "lantu_no_such_db" does not exist \(3D000\); create it \(createdb lantu_no_such_db\)/);
  assert.match(m, /数据库 "lantu_no_such_db" 不存在/);
});
