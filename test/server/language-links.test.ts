// The language in the URL: an English page keeps ?lang=en on every link of the site (escaped or not, with
// a fragment or not) and on its GET forms; the switch keeps path and query; Chinese pages are untouched.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { html } from '../../src/web/html.js';
import { keepLang, switchHref, withLang } from '../../src/web/layout.js';
import { testApp, type TestApp } from './helpers.js';

test('links of the site keep the language; others and assets are left alone', () => {
  const page = html`<a href="/documents/a?q=${'x y'}&page=2#L5">1</a><a href="${'/search?q=粮食&page=2'}">2</a><a href="/plans/b#L3">3</a>
<a href="https://example.org/">4</a><a href="//evil.example/">5</a><a href="/assets/x.js">6</a><a href="#main">7</a><a href="${'/x?lang=zh'}">8</a>
<form method="get" action="/search"><input name="q"></form><form method="post" action="/logout"></form>`.value;
  const en = keepLang(page, 'en');
  const hrefs = [...en.matchAll(/href="([^"]*)"/g)].map((m) => m[1].replace(/&#61;/g, '=').replace(/&#38;|&amp;/g, '&'));
  assert.deepEqual(hrefs, ['/documents/a?q=x y&page=2&lang=en#L5', '/search?q=粮食&page=2&lang=en', '/plans/b?lang=en#L3', 'https://example.org/', '//evil.example/', '/assets/x.js', '#main', '/x?lang=zh']);
  assert.equal(en.match(/<input type="hidden" name="lang" value="en">/g)?.length, 1, 'the GET form only');
  assert.equal(keepLang(page, 'zh'), page);
  assert.equal(withLang('/a#b', 'en'), '/a?lang=en#b');
  assert.equal(withLang('/a', 'zh'), '/a');
});

test('the switch keeps path and query and sets the other language', () => {
  assert.equal(switchHref('/search?q=%E7%B2%AE&page=2', 'en'), '/search?q=%E7%B2%AE&page=2&lang=en');
  assert.equal(switchHref('/documents/x?lang=en', 'zh'), '/documents/x?lang=zh');
});

let t: TestApp;
before(async () => {
  t = await testApp();
});
after(() => t.close());

test('an English page served: its links and switch, the untranslated title marked Chinese', async () => {
  const cookie = await t.login('leader');
  const r = await t.app.inject({ url: `/search?q=${encodeURIComponent('粮食')}&lang=en`, headers: { cookie } });
  assert.match(r.body, /<html lang="en">/);
  assert.match(r.body, /<h1>Search: <span lang="zh-CN">粮食<\/span><\/h1>/);
  assert.match(r.body, /<a href="\/search\?q=%E7%B2%AE%E9%A3%9F&amp;lang=zh" lang="zh-CN" hreflang="zh-CN">中文<\/a>|<a href="\/search\?q&#61;%E7%B2%AE%E9%A3%9F&#38;lang&#61;zh" lang="zh-CN" hreflang="zh-CN">中文<\/a>/);
  const links = [...r.body.matchAll(/href="(\/[^"]*)"/g)].map((m) => m[1]);
  assert.ok(links.length > 10);
  assert.deepEqual(links.filter((l) => !/lang(=|&#61;)/.test(l)), []);
  const doc = await t.store.selectFrom('documents').select(['id', 'title']).executeTakeFirstOrThrow();
  const d = await t.app.inject({ url: `/documents/${doc.id}?lang=en`, headers: { cookie } });
  assert.ok(d.body.includes(`<h1><span lang="zh-CN">${doc.title}</span></h1>`), 'a document keeps its Chinese title, marked');
});
