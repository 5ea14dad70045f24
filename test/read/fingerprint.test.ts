// The text fingerprint: the same text in another form has the same fingerprint, a different text another;
// the one-pass hash equals the hash of the documented normalisation, in pieces and across surrogate pairs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { normaliseForFingerprint, textFingerprint } from '../../src/read/fingerprint.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const TEXT = '一、主要目标\n\n地区生产总值增长5.5%左右，城镇新增就业1.2万人。\n';

test('blank lines, trailing spaces, CRLF, U+3000, tabs, full-width ASCII and bold marks do not change it', () => {
  const forms = [
    '\n\n一、主要目标  \r\n\r\n\r\n地区生产总值增长5.5%左右，城镇新增就业1.2万人。   \n\n\n',
    '\u3000\u3000一、主要目标\n地区生产总值增长 5.5% 左右，\n城镇新增就业 1.2 万人。',
    '**一、主要目标**\n地区生产总值增长５．５％左右，城镇新增就业１．２万人。',
    '\ufeff一、主要目标\t\n地区生产总值增长5.5%左右，城镇新增就业1.2万人。\u00a0',
  ];
  for (const f of forms) assert.equal(textFingerprint(f), textFingerprint(TEXT), JSON.stringify(f));
});

test('a different text has another fingerprint: words, numbers, 。 and ., ① and 1, traditional characters', () => {
  for (const other of [
    TEXT.replace('5.5', '6.5'),
    TEXT.replace('。', '.'),
    TEXT.replace('一、', '①'),
    TEXT.replace('总值', '總值'),
    TEXT.replace('就业', '就業'),
  ])
    assert.notEqual(textFingerprint(other), textFingerprint(TEXT), other);
});

test('the one-pass hash is the hash of normaliseForFingerprint, whatever the stars, spaces and pieces', () => {
  const alphabet = ['*', '*', ' ', '\n', '\u3000', 'a', '中', '＊', '１', '\t', '😀'];
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  for (let k = 0; k < 3000; k++) {
    let s = '';
    for (let i = rnd(24); i > 0; i--) s += alphabet[rnd(alphabet.length)];
    assert.equal(textFingerprint(s), sha(normaliseForFingerprint(s)), JSON.stringify(s));
  }
  // pieces of 65,536 characters: a surrogate pair on the edge stays whole
  for (const pad of [65535, 65536, 65534]) {
    const long = 'x'.repeat(pad) + '😀' + '中 '.repeat(70000) + '**😀';
    assert.equal(textFingerprint(long), sha(normaliseForFingerprint(long)));
  }
});
