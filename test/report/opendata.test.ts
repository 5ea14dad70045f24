// Open data: CSV files whose columns are exactly those the datapackage.json describes; the package, with
// its licence, sources, version, keys and allowed values, validates with the Frictionless tools (datapackage).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
// @ts-expect-error: datapackage has no types
import { Package } from 'datapackage';
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
    const names = pkg.resources.map((r: { name: string }) => r.name);
    assert.deepEqual(names.slice(0, 4), ['indicators', 'targets', 'actuals', 'statuses']);
    assert.ok(names.includes('data-gdp-growth'), 'one tidy table per indicator (Open SDG)');
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

test('the data package validates with the Frictionless tools: descriptor, every table against its schema, keys and references', async () => {
  const { store, close } = await sqliteStore();
  try {
    await ingestPaths(store, [fileURLToPath(new URL('../../samples/', import.meta.url))]);
    const dir = mkdtempSync(join(tmpdir(), 'lantu-opendata-'));
    await writeOpenData(store, dir, '2026-01-01');
    // the CSVs start with a byte-order mark for Excel; the JavaScript reader (unlike Python's frictionless,
    // which reads utf-8-sig) keeps it in the first header, so it reads copies without it
    for (const file of readdirSync(dir).filter((x) => x.endsWith('.csv'))) writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, ''));
    const pkg = await Package.load(join(dir, 'datapackage.json'));
    assert.deepEqual(pkg.errors.map((e: Error) => e.message), []);
    assert.ok(pkg.valid);
    const d = pkg.descriptor as { licenses: Array<{ name: string }>; sources: unknown[]; version: string };
    assert.equal(d.licenses[0].name, 'CC-BY-4.0');
    assert.ok(d.sources.length >= 3 && /^\d+\.\d+\.\d+/.test(d.version));
    for (const name of pkg.resourceNames as string[]) {
      const r = pkg.getResource(name);
      // reading casts every cell to its type and checks required, enum, primary and foreign keys
      const rows = await r.read({ relations: true });
      assert.ok(Array.isArray(rows), name);
    }
    // a value outside the allowed ones is caught
    const targets = readFileSync(join(dir, 'targets.csv'), 'utf8');
    writeFileSync(join(dir, 'targets.csv'), targets.replace(/,approx,/, ',about,'));
    const broken = await Package.load(join(dir, 'datapackage.json'));
    await assert.rejects(broken.getResource('targets').read(), /mismatch|enum|constraint/i);
  } finally {
    await close();
  }
});
