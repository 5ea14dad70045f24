// Hostile multipart bodies: an anonymous request, or one without a valid CSRF token, is refused before
// its body is read; a logged-in request with too many or too large fields gets a clear 413 (what is
// past the limits is discarded, never kept) — the server never buffers hundreds of megabytes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { session, testApp, type TestApp } from './helpers.js';

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

const MB = 1024 * 1024;

/** A multipart body of `n` fields of `size` bytes each, made as it is read; `pulled()` says how much was read. */
function hostile(n: number, size: number) {
  const boundary = '----lantuhostile';
  let i = 0;
  let pulled = 0;
  const chunk = Buffer.alloc(size, 0x61);
  const stream = new Readable({
    read() {
      if (i === n) return void this.push(null);
      const part = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\n`), chunk, Buffer.from(i === n - 1 ? `\r\n--${boundary}--\r\n` : '\r\n')]);
      i++;
      pulled += part.length;
      this.push(part);
    },
  });
  return { stream, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, pulled: () => pulled };
}

test('an anonymous multipart request of 300 one-megabyte fields is refused without reading it', async () => {
  const h = hostile(300, MB);
  const r = await t.app.inject({ method: 'POST', url: '/updates', headers: h.headers, payload: h.stream });
  assert.equal(r.statusCode, 401);
  assert.ok(h.pulled() < 5 * MB, `read ${h.pulled()} bytes of the body`);
});

test('a logged-in multipart request without a CSRF token in its URL is refused before its body is read', async () => {
  const dept = await session(t, 'dept-edu');
  const h = hostile(300, MB);
  const r = await t.app.inject({ method: 'POST', url: '/updates', headers: { ...h.headers, cookie: dept.cookie }, payload: h.stream });
  assert.equal(r.statusCode, 403);
  assert.ok(h.pulled() < 5 * MB, `read ${h.pulled()} bytes of the body`);
});

test('too many fields: 413 with a clear message', async () => {
  const dept = await session(t, 'dept-edu');
  const h = hostile(300, 64 * 1024 - 1);
  const r = await t.app.inject({ method: 'POST', url: `/updates?_csrf=${encodeURIComponent(dept.token)}`, headers: { ...h.headers, cookie: dept.cookie }, payload: h.stream });
  assert.equal(r.statusCode, 413, r.body);
  assert.match(r.body, /字段太多/);
});

test('a field over the size limit is refused (413), not cut silently', async () => {
  const dept = await session(t, 'dept-edu');
  const h = hostile(1, 2 * MB);
  const r = await t.app.inject({ method: 'POST', url: `/updates?_csrf=${encodeURIComponent(dept.token)}`, headers: { ...h.headers, cookie: dept.cookie }, payload: h.stream });
  assert.equal(r.statusCode, 413, r.body);
  assert.match(r.body, /字段过长/);
});
