// The document page marks the exact characters a record was read from (its stored span), also across
// the two lines of a wrapped paragraph, and lists the document's messages with links to their lines.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { testApp, type TestApp } from './helpers.js';

const TEXT = [
  '政府工作报告',
  '——2025年2月10日在蓝湖市第八届人民代表大会第四次会议上',
  '一、2024年工作回顾',
  '全年地区生产总值增长6.5%，城镇新增就业1.2万人，全年粮食总产量达',
  '到30.5万吨，森林覆盖率提高到40.5%。发放宣传册3500沓。',
  '二、2025年目标任务和重点工作',
  '主要预期目标是：地区生产总值增长6%左右。',
].join('\n');

let t: TestApp;
let cookie: string;
let id: string;

before(async () => {
  t = await testApp();
  cookie = await t.login('planner');
  const dir = mkdtempSync(join(tmpdir(), 'lantu-spans-'));
  writeFileSync(join(dir, 'spans.txt'), TEXT);
  await ingestPaths(t.store, [dir]);
  id = (await t.store.selectFrom('documents').select('id').where('file', '=', 'spans.txt').executeTakeFirstOrThrow()).id;
});
after(() => t.close());

/** The characters of line n marked with a title that contains `title`, in order. */
function marked(body: string, n: number, title: string): string {
  const line = new RegExp(`<span id="L${n}">([\\s\\S]*?)</span>\\n`).exec(body)?.[1] ?? '';
  return [...line.matchAll(/<mark title="([^"]*)">([^<]*)<\/mark>/g)].filter((m) => m[1].includes(title)).map((m) => m[2]).join('');
}

test('the stored spans are the exact characters of facts', async () => {
  const facts = await t.store.selectFrom('facts').select(['quote', 'span_start', 'span_end', 'value']).where('document_id', '=', id).execute();
  assert.ok(facts.length >= 4);
  for (const f of facts) assert.equal(TEXT.slice(f.span_start!, f.span_end!).replace(/\n/g, ''), f.quote);
});

test('the document page marks exactly the characters of a fact, on both lines of a wrapped quote', async () => {
  const res = await t.app.inject({ method: 'GET', url: `/documents/${id}`, headers: { cookie } });
  assert.equal(res.statusCode, 200);
  const grain = await t.store.selectFrom('facts').select(['metric']).where('document_id', '=', id).where('value', '=', 30.5).executeTakeFirstOrThrow();
  const title = `${grain.metric} 30.5万吨`;
  assert.equal(marked(res.body, 4, title), '全年粮食总产量达');
  assert.equal(marked(res.body, 5, title), '到30.5万吨，森林覆');
  const growth = '地区生产总值 6.5%';
  assert.ok(marked(res.body, 4, growth).startsWith('全年地区生产总值增长6.5%'), res.body);
  // the messages, linked to their lines
  assert.match(res.body, /<h2 id="messages">未能处理之处/);
  assert.match(res.body, /<a href="\/documents\/[0-9a-f]+#L5">第5行第\d+列<\/a><\/th><td>警告<\/td><td><code>unit-unknown<\/code><\/td><td>[^<]*3500沓/);
});
