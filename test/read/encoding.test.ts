import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { decodeText, readSource, ReadError } from '../../src/read/index.js';
import { makeGbk } from '../helpers/make-docs.js';

const SAMPLE = '格尔木市人民政府\n政府工作报告\n一、2024年工作回顾\n地区生产总值增长5.2%，城镇新增就业3200人。\n（一）坚持稳中求进。\n';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-read-enc-'));
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

test('decodeText: UTF-8 without BOM', () => {
  assert.deepEqual(decodeText(Buffer.from(SAMPLE, 'utf8')), { text: SAMPLE, encoding: 'utf-8' });
});

test('decodeText: UTF-8 BOM is stripped', () => {
  const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
  assert.deepEqual(decodeText(buf), { text: SAMPLE, encoding: 'utf-8-bom' });
});

test('decodeText: GBK bytes give the same text', () => {
  const gbk = iconv.encode(SAMPLE, 'gbk');
  assert.notDeepEqual(gbk, Buffer.from(SAMPLE, 'utf8'));
  assert.deepEqual(decodeText(gbk), { text: SAMPLE, encoding: 'gb18030' });
});

test('decodeText: CRLF and CR become LF', () => {
  const crlf = SAMPLE.replace(/\n/g, '\r\n');
  assert.equal(decodeText(Buffer.from(crlf, 'utf8')).text, SAMPLE);
  assert.equal(decodeText(iconv.encode(crlf, 'gbk')).text, SAMPLE);
  assert.equal(decodeText(Buffer.from('a\rb\r\nc\n', 'utf8')).text, 'a\nb\nc\n');
});

test('decodeText: binary content throws', () => {
  assert.throws(() => decodeText(Buffer.from([0x41, 0x00, 0x42])), /binary file/);
  assert.throws(() => decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00])), /UTF-16/);
  const controls = Buffer.from('ab\x01\x02\x03\x04cd', 'latin1');
  assert.throws(() => decodeText(controls), /binary file/);
});

test('readSource: a GBK file reads back exactly as its UTF-8 twin', async () => {
  const utf8Path = path.join(tmp, 'utf8.txt');
  const gbkPath = path.join(tmp, 'gbk.txt');
  fs.writeFileSync(utf8Path, SAMPLE.replace(/\n/g, '\r\n'), 'utf8');
  makeGbk(SAMPLE, gbkPath);
  assert.deepEqual(fs.readFileSync(gbkPath), iconv.encode(SAMPLE, 'gbk'), 'makeGbk writes GBK bytes');
  const a = await readSource(utf8Path);
  const b = await readSource(gbkPath);
  assert.equal(a.text, SAMPLE);
  assert.equal(b.text, a.text);
  assert.deepEqual([a.format, a.encoding, a.file], ['txt', 'utf-8', utf8Path]);
  assert.deepEqual([b.format, b.encoding, b.file], ['txt', 'gb18030', gbkPath]);
});

test('readSource: BOM stripped', async () => {
  const p = path.join(tmp, 'bom.txt');
  fs.writeFileSync(p, '\ufeff' + SAMPLE, 'utf8');
  const s = await readSource(p);
  assert.equal(s.text, SAMPLE);
  assert.equal(s.encoding, 'utf-8-bom');
});

test('readSource: GBK copies of the shared corpus read back identical', async (t) => {
  if (!fs.existsSync(CORPUS)) {
    t.skip('../shared/corpus absent');
    return;
  }
  const files = fs.readdirSync(CORPUS).filter((f) => fs.statSync(path.join(CORPUS, f)).isFile());
  assert.ok(files.length > 0, 'corpus is empty');
  for (const f of files) {
    const original = await readSource(path.join(CORPUS, f));
    if (original.format !== 'txt') continue;
    const copy = path.join(tmp, `gbk-${f}`);
    // The raw file text (line endings as they are), BOM removed, re-encoded.
    makeGbk(fs.readFileSync(path.join(CORPUS, f), 'utf8').replace(/^\ufeff/, ''), copy);
    const back = await readSource(copy);
    assert.equal(back.encoding, 'gb18030', f);
    assert.ok(back.text === original.text, `${f}: GBK copy differs from the UTF-8 original`);
  }
});

test('ReadError carries file and reason', () => {
  const e = new ReadError('a.txt', 'empty file');
  assert.equal(e.message, 'a.txt: empty file');
  assert.equal(e.file, 'a.txt');
  assert.equal(e.reason, 'empty file');
  assert.ok(e instanceof Error);
});
