// JSON written in pieces (cli/json-out.ts) is JSON.stringify's, byte for byte, at every depth and chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunked, putJson } from '../../src/cli/json-out.js';

const VALUES: unknown[] = [
  { file: '蓝湖市.txt', facts: [{ value: 5, unit: '%', quote: '增长5%左右\n"引号"\\' }, { value: null, span: [1, 2] }], lines: [1, 40] },
  { a: undefined, b: () => 1, c: [undefined, () => 2, Symbol('s'), NaN, Infinity, -0], d: new Date(0), e: {}, f: [], g: [[1, [2, { h: 'ü' }]]] },
  [],
  'a string',
  42,
  null,
  [{ toJSON: () => 'own' }, { '键 "x"': true }],
];

test('putJson gives what JSON.stringify gives, at every depth', () => {
  for (const v of VALUES)
    for (const depth of [0, 1, 2, 3, 5]) {
      const parts: string[] = [];
      putJson((s) => parts.push(s), v, depth);
      assert.equal(parts.join(''), JSON.stringify(v), `depth ${depth}: ${JSON.stringify(v)}`);
    }
  // a record of many facts comes in many pieces, none of them the whole
  const record = { title: 't', facts: Array.from({ length: 1000 }, (_, i) => ({ i, quote: '增长'.repeat(20) })) };
  const parts: string[] = [];
  putJson((s) => parts.push(s), record);
  assert.ok(parts.length > 1000 && Math.max(...parts.map((p) => p.length)) < 200);
});

test('chunked hands the text on in order, in chunks of bounded size, and all of it on flush', () => {
  const got: string[] = [];
  const out = chunked((s) => got.push(s));
  const want = Array.from({ length: 30_000 }, (_, i) => `${i},`);
  for (const s of want) out.put(s);
  assert.ok(got.length >= 1, 'chunks are handed on before the flush');
  out.flush();
  out.flush(); // nothing gathered: nothing handed on
  assert.equal(got.join(''), want.join(''));
  assert.ok(got.every((c) => c.length < 70_000) && got.every((c) => c.length > 0));
});
