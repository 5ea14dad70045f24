// File names that are not valid UTF-8 (Latin-1 and GBK bytes), found in a directory or named on the
// command line (where Node has turned their bytes into U+FFFD): read and ingested, shown decoded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { expandPaths, ingestPaths } from '../../src/cli/ingest.js';
import { sqliteStore } from './stores.js';

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const text = (f: string) => readFileSync(join(samples, f), 'utf8');

function writeNamed(dir: string, name: Buffer, content: string): void {
  writeFileSync(Buffer.concat([Buffer.from(dir + '/'), name]), content);
}

test('files whose names are Latin-1 or GBK bytes are read and stored, named as well as they decode', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-names-'));
  writeNamed(dir, Buffer.from('rapport-caf\xe9.txt', 'latin1'), text('01-蓝湖市2025年政府工作报告.txt'));
  writeNamed(dir, iconv.encode('蓝湖市规划纲要.txt', 'gbk'), text('02-蓝湖市十五五规划纲要.txt'));
  const { store, close } = await sqliteStore();
  try {
    const out = await ingestPaths(store, [dir]);
    assert.deepEqual(
      out.map((o) => [o.file, o.status]).sort(),
      [[join(dir, 'rapport-café.txt'), 'stored'], [join(dir, '蓝湖市规划纲要.txt'), 'stored']].sort(),
    );
  } finally {
    await close();
  }
});

test('a name given as Node decoded it (U+FFFD in place of its bytes) is the one file of its directory that decodes so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-names-'));
  writeNamed(dir, Buffer.from('r\xe9sum\xe9.txt', 'latin1'), text('01-蓝湖市2025年政府工作报告.txt'));
  const asArgv = join(dir, 'r\uFFFDsum\uFFFD.txt');
  const [found] = expandPaths([asArgv]);
  assert.ok(Buffer.isBuffer(found));
  const { store, close } = await sqliteStore();
  try {
    const out = await ingestPaths(store, [asArgv]);
    assert.deepEqual(out.map((o) => [o.file, o.status]), [[join(dir, 'résumé.txt'), 'stored']]);
  } finally {
    await close();
  }
});
