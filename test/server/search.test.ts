// Search on every store (SQLite with its trigram index, PostgreSQL with ILIKE): short and long Chinese
// terms, several terms, LIKE wildcards taken literally, documents ingested later; the page escapes,
// shows the lines 50 a page with their count and links to the other pages, and bounds its inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { search, searchTerms, snippet } from '../../src/server/search.js';
import { storeKinds } from '../store/stores.js';
import { samplesDir, testApp } from './helpers.js';

test('terms: split at spaces, bounded, repeated terms once', () => {
  assert.deepEqual(searchTerms('  生态  保护 生态 '), ['生态', '保护']);
  assert.equal(searchTerms('a b c d e f g').length, 5);
  assert.equal(snippet('甲'.repeat(200) + '生态' + '乙'.repeat(200), ['生态'], 10), `…${'甲'.repeat(10)}生态${'乙'.repeat(8)}…`);
});

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: search finds 2- and 4-character Chinese terms in lines, facts, tasks and projects`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [join(samplesDir, '01-蓝湖市2025年政府工作报告.txt')]);
      // a term only in the plan: absent until the plan is ingested (the SQLite index follows)
      assert.equal((await search(store, '湖滨植被')).groups.lines.length, 0);
      await ingestPaths(store, [samplesDir]);
      const two = await search(store, '生态');
      assert.ok(two.groups.lines.length >= 10, `${two.groups.lines.length} lines`);
      assert.ok(two.groups.lines.every((h) => h.text.includes('生态') && h.line > 0 && h.documentId));
      assert.ok(two.groups.facts.length > 0 && two.groups.tasks.length > 0 && two.groups.projects.length > 0);
      const four = await search(store, '湖滨植被');
      assert.ok(four.groups.lines.some((h) => h.text.includes('湖滨植被')));
      assert.ok(four.groups.projects.some((h) => h.label === '蓝湖湖滨带生态修复工程' && h.line === 93));
      const both = await search(store, '燃气 改造');
      assert.ok(both.groups.documents.some((h) => h.text.includes('燃气管道老化更新改造')));
      assert.ok(both.groups.lines.every((h) => h.text.includes('燃气') && h.text.includes('改造')));
      const pct = await search(store, '%');
      assert.ok(pct.groups.lines.length > 0 && pct.groups.lines.every((h) => h.text.includes('%')), '% is literal');
      const under = await search(store, '_');
      assert.equal(under.groups.lines.length + under.groups.facts.length + under.groups.tasks.length, 0, '_ is literal');
      assert.ok((await search(store, '的', 7)).groups.lines.length <= 7, 'bounded');
      assert.deepEqual((await search(store, '   ')).terms, []);
      assert.equal((await search(store, '"引号\' OR 1=1 --')).groups.lines.length, 0);
    } finally {
      await close();
    }
  });
}

test('the search page highlights hits, links them to their lines, and escapes the query', async () => {
  const t = await testApp();
  try {
    const cookie = await t.login('dept-edu');
    const get = (q: string) => t.app.inject({ url: `/search?q=${encodeURIComponent(q)}`, headers: { cookie } });
    const two = await get('生态');
    assert.equal(two.statusCode, 200);
    assert.match(two.body, /<mark>生态<\/mark>/);
    assert.match(two.body, /<a href="\/documents\/[0-9a-f]+#L\d+">[^]*?<mark>生态<\/mark>/);
    assert.match(two.body, /<h2 id="h-lines">原文（\d+）<\/h2>/);
    const four = await get('生态保护');
    assert.match(four.body, /<mark>生态保护<\/mark>/);
    const evil = await get('<script>alert(1)</script>');
    assert.equal(evil.statusCode, 200);
    assert.ok(!evil.body.includes('<script>alert'));
    assert.ok(evil.body.includes('&#60;script&#62;alert(1)&#60;/script&#62;'));
    // the lines a page at a time: the count, the page, links to the neighbours, numbering that goes on
    const common = await get('，');
    const total = Number(/<h2 id="h-lines">原文（(\d+)）<\/h2>/.exec(common.body)![1]);
    assert.ok(total > 100, `${total} lines`);
    const second = await t.app.inject({ url: `/search?q=${encodeURIComponent('，')}&page=2`, headers: { cookie } });
    assert.match(second.body, new RegExp(`<h2 id="h-lines">原文（${total}）</h2>`));
    assert.match(second.body, /第 2 \/ \d+ 页/);
    const decoded = second.body.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));
    assert.ok(decoded.includes(`<a href="/search?q=${encodeURIComponent('，')}&page=1" rel="prev">`), 'a link to page 1');
    assert.ok(decoded.includes(`<a href="/search?q=${encodeURIComponent('，')}&page=3" rel="next">`), 'a link to page 3');
    assert.match(second.body, /<ol start="51">/);
    assert.equal([...second.body.matchAll(/<li><a href="\/documents\/[0-9a-f]+#L\d+">/g)].length, 50, 'the lines of page 2 alone');
    // inputs bounded: a page far beyond the last shows the last, a long query is cut at 100 characters
    const far = await t.app.inject({ url: `/search?q=${encodeURIComponent('，')}&page=999999999`, headers: { cookie } });
    assert.equal(far.statusCode, 200);
    const pages = Math.ceil(total / 50);
    assert.match(far.body, new RegExp(`第 ${pages} / ${pages} 页`));
    const long = await get('生'.repeat(300));
    assert.equal(long.statusCode, 200);
    assert.ok(long.body.includes(`value="${'生'.repeat(100)}"`) && !long.body.includes('生'.repeat(101)));
    const anonymous = await t.app.inject({ url: '/search?q=生态' });
    assert.ok([302, 303].includes(anonymous.statusCode));
  } finally {
    await t.close();
  }
});
