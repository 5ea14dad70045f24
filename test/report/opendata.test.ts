// Open data: CSV files whose columns are exactly those the datapackage.json describes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { ingestPaths } from '../../src/cli/ingest.js';
import { csv, writeOpenData } from '../../src/report/opendata.js';
import { sqliteStore } from '../store/stores.js';

test('csv escapes commas, quotes and line breaks', () => {
  const out = csv([{ name: 'a', type: 'string', description: '' }], [{ a: '甲,乙' }, { a: '说"明"' }, { a: '一\n二' }, { a: null }]);
  assert.equal(out, '\uFEFFa\r\n"甲,乙"\r\n"说""明"""\r\n"一\n二"\r\n\r\n');
});

test('the open data set: four CSV files described by a Frictionless datapackage.json', async () => {
  const { store, close } = await sqliteStore();
  try {
    await ingestPaths(store, [fileURLToPath(new URL('../../samples/', import.meta.url))]);
    const dir = mkdtempSync(join(tmpdir(), 'lantu-opendata-'));
    await writeOpenData(store, dir, '2026-01-01');
    const pkg = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8'));
    assert.equal(pkg.profile, 'tabular-data-package');
    assert.deepEqual(pkg.resources.map((r: { name: string }) => r.name), ['indicators', 'targets', 'actuals', 'statuses']);
    for (const r of pkg.resources) {
      const text = readFileSync(join(dir, r.path), 'utf8');
      assert.equal(text.charCodeAt(0), 0xfeff, `${r.path} starts with a byte-order mark (Excel reads it as UTF-8)`);
      const rows = parse(text, { bom: true, columns: false }) as string[][];
      assert.deepEqual(rows[0], r.schema.fields.map((f: { name: string }) => f.name), `${r.path} header`);
      for (const [i, f] of r.schema.fields.entries())
        if (f.type !== 'string') for (const row of rows.slice(1)) assert.ok(row[i] === '' || Number.isFinite(Number(row[i])), `${r.path} ${f.name} "${row[i]}" is a ${f.type}`);
    }
    const statuses = parse(readFileSync(join(dir, 'statuses.csv'), 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    assert.ok(statuses.length > 10 && statuses.every((s) => s.status && s.reason && s.source_line));
  } finally {
    await close();
  }
});
