// Error answers as pages: 403 (a role refused, a failed CSRF check), 404 (an unknown address, which was
// raw JSON), 413, 415 and 500 come in the page frame, in the chosen language, with a way back; a client
// that asks for JSON gets JSON.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { installErrorPages } from '../../src/server/errors.js';
import { testApp, type TestApp } from './helpers.js';

let t: TestApp;
let dept: string;
const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

before(async () => {
  t = await testApp();
  dept = await t.login('dept-edu');
});
after(() => t.close());

/** The page is a whole page of the frame, in its language, with a link back. */
function framed(body: string, lang: 'zh-CN' | 'en') {
  assert.match(body, new RegExp(`<html lang="${lang}">`));
  assert.match(body, /<main id="main"/);
  assert.match(body, /<ul class="back">[\s\S]*<a href="\//);
}

test('an unknown address: a styled 404 page, not JSON; in English with ?lang=en', async () => {
  const zh = await t.app.inject({ url: '/no/such/page', headers: BROWSER });
  assert.equal(zh.statusCode, 404);
  assert.match(String(zh.headers['content-type']), /text\/html/);
  framed(zh.body, 'zh-CN');
  assert.match(zh.body, /<h1>404 页面不存在<\/h1>/);
  const en = await t.app.inject({ url: '/no/such/page?lang=en', headers: BROWSER });
  framed(en.body, 'en');
  assert.match(en.body, /<h1>404 Page not found<\/h1>/);
  assert.match(en.body, /href="\/public\?lang=en"/, 'the way back keeps the language');
  const json = await t.app.inject({ url: '/no/such/page', headers: { accept: 'application/json' } });
  assert.equal(json.statusCode, 404);
  assert.deepEqual(JSON.parse(json.body), { statusCode: 404, error: '页面不存在' });
});

test('a role refused: 403 page with the reason and the way back to the page it came from', async () => {
  const r = await t.app.inject({ url: '/review?lang=en', headers: { ...BROWSER, cookie: dept, referer: 'http://localhost:80/documents', host: 'localhost:80' } });
  assert.equal(r.statusCode, 403);
  framed(r.body, 'en');
  assert.match(r.body, /<h1>403 Access denied<\/h1>/);
  assert.match(r.body, /href="\/documents\?lang=en">Back to the previous page/);
  assert.match(r.body, /action="\/logout"/, 'still the logged-in frame');
});

test('a failed CSRF check: 403 page that says to reload, and no logout happens', async () => {
  const r = await t.app.inject({ method: 'POST', url: '/logout', headers: { ...BROWSER, cookie: dept, 'content-type': 'application/x-www-form-urlencoded' }, payload: '_csrf=forged' });
  assert.equal(r.statusCode, 403);
  framed(r.body, 'zh-CN');
  assert.match(r.body, /CSRF 校验失败/);
  assert.equal((await t.app.inject({ url: '/documents', headers: { cookie: dept } })).statusCode, 200, 'still logged in');
});

test('413 and 415: the limit in words, in a page', async () => {
  const big = await t.app.inject({ method: 'POST', url: '/login?lang=en', headers: { ...BROWSER, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=' + 'x'.repeat(1024 * 1024 + 10) });
  assert.equal(big.statusCode, 413);
  framed(big.body, 'en');
  assert.match(big.body, /Request too large \(at most 1 MB\)/);
  const odd = await t.app.inject({ method: 'POST', url: '/login', headers: { ...BROWSER, 'content-type': 'application/x-unknown' }, payload: 'x' });
  assert.equal(odd.statusCode, 415);
  framed(odd.body, 'zh-CN');
  assert.match(odd.body, /<h1>415 不支持的请求内容类型<\/h1>/);
});

test('500: a page that says nothing of the cause', async () => {
  const app = Fastify();
  app.decorateRequest('lang', 'en');
  installErrorPages(app);
  app.get('/boom', async () => {
    throw new Error('secret internal detail');
  });
  const stderr = process.stderr.write;
  process.stderr.write = () => true; // the failure is logged on stderr: not in the test's output
  const r = await app.inject({ url: '/boom', headers: BROWSER }).finally(() => (process.stderr.write = stderr));
  assert.equal(r.statusCode, 500);
  framed(r.body, 'en');
  assert.match(r.body, /<h1>500 Internal server error<\/h1>/);
  assert.ok(!r.body.includes('secret internal detail'));
});
