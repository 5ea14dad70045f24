import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSource, ReadError } from '../../src/read/index.js';
import { makeZip } from '../helpers/make-docs.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-read-err-'));

/** Writes a file and expects readSource to throw a ReadError naming it with the given reason. */
async function expectReadError(name: string, content: Uint8Array | string | null, reason: RegExp): Promise<void> {
  const p = path.join(tmp, name);
  if (content !== null) fs.writeFileSync(p, content);
  await assert.rejects(readSource(p), (e: unknown) => {
    assert.ok(e instanceof ReadError, `expected a ReadError, got ${String(e)}`);
    assert.equal(e.file, p);
    assert.match(e.reason, reason);
    assert.equal(e.message, `${p}: ${e.reason}`);
    return true;
  });
}

test('empty file (0 bytes)', () => expectReadError('empty.txt', '', /^empty file/));

test('empty file (whitespace only, incl. BOM and full-width spaces)', () =>
  expectReadError('blank.txt', '\ufeff \r\n\t\u3000\n', /^empty file/));

test('binary file with NUL bytes', () => {
  const bytes = Buffer.alloc(512);
  let seed = 7;
  for (let i = 0; i < bytes.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = i % 16 === 0 ? 0 : seed & 0xff;
  }
  return expectReadError('random.bin', bytes, /^binary file, not a text document/);
});

test('binary file without NULs that is neither UTF-8 nor GB18030', () =>
  expectReadError('noise.txt', Buffer.from([0x41, 0x80, 0xff, 0x42, 0xd6]), /^binary file, not a text document/));

test('PNG image', () =>
  expectReadError(
    'picture.txt',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    /^unknown format: PNG image/,
  ));

test('a ZIP that is not a DOCX', () => {
  const p = path.join(tmp, 'archive.docx');
  makeZip({ 'readme.txt': 'hello', 'data/规划.txt': '规划' }, p);
  return expectReadError('archive.docx', null, /^unknown format: ZIP archive that is not a DOCX/);
});

test('a legacy .doc', () =>
  expectReadError('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /^unknown format: legacy \.doc/));

test('a DOCX-looking ZIP that is corrupt', () => {
  const p = path.join(tmp, 'broken.docx');
  makeZip({ 'word/document.xml': '<not-really-xml' }, p);
  return expectReadError('broken.docx', null, /^corrupt DOCX: /);
});

test('file not found', () => expectReadError('does-not-exist.txt', null, /^file not found/));

test('a directory', async () => {
  fs.mkdirSync(path.join(tmp, 'dir.txt'));
  await expectReadError('dir.txt', null, /directory/);
});

test('a text that quotes "%PDF-" after its start stays text', async () => {
  const p = path.join(tmp, 'mentions-pdf.txt');
  fs.writeFileSync(p, '说明：PDF 文件以 %PDF-1.7 开头。\n');
  const s = await readSource(p);
  assert.equal(s.format, 'txt');
  assert.equal(s.text, '说明：PDF 文件以 %PDF-1.7 开头。\n');
});
