// Backup → restore into a new store → the same report, byte for byte: a task's units come back in the
// order the document names them (the lead first), not sorted by name (`task_units.seq`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/store/db.js';
import { backup, restore } from '../../src/store/backup.js';
import { reportData } from '../../src/report/data.js';
import { renderHtml } from '../../src/report/html.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { ingestPaths } from '../../src/cli/ingest.js';
import { samplesDir } from '../report/helpers.js';
import { storeKinds } from './stores.js';

const kinds = await storeKinds();

async function reports(store: Store): Promise<string[]> {
  const data = await reportData(store, { type: 'annual', plan: '规划纲要', year: 2025 });
  return [renderMarkdown(data), sameClasses(renderHtml(data))];
}

/** The chart's SVG names its style classes by counters of the process (zr0-cls-0, zr1-cls-8, …): renumbered by first use. */
function sameClasses(html: string): string {
  const names = new Map<string, string>();
  return html.replace(/\bzr\d+-cls-\d+/g, (c) => names.get(c) ?? (names.set(c, `c${names.size}`), `c${names.size - 1}`));
}

/** The samples, with the overdue road task (5.) given two units whose order by name is not the document's. */
function samples(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-samples-'));
  cpSync(samplesDir, dir, { recursive: true });
  const file = join(dir, readdirSync(dir).find((f) => f.startsWith('03-'))!);
  writeFileSync(file, readFileSync(file, 'utf8').replace('前建成通车。（责任单位：市交通运输局）', '前建成通车。（责任单位：蓝湖交通投资集团、市交通运输局）'));
  return dir;
}

/** A task whose units, sorted by name, are not in the document's order (蓝湖交通投资集团, 市交通运输局). */
async function orderNotByName(store: Store): Promise<string | undefined> {
  const rows = await store.selectFrom('task_units').select(['task_id', 'unit', 'role']).orderBy('task_id').orderBy('seq').execute();
  const byTask = new Map<string, typeof rows>();
  for (const r of rows) byTask.set(r.task_id, [...(byTask.get(r.task_id) ?? []), r]);
  for (const [id, us] of byTask) if ([...us].sort((a, b) => (a.unit < b.unit ? -1 : 1))[0].unit !== us[0].unit) return id;
  return undefined;
}

for (const [from, openFrom] of kinds)
  for (const [to, openTo] of kinds)
    test(`backup from ${from}, restore into ${to}: the same report bytes, units in the document's order`, async () => {
      const a = await openFrom();
      const b = await openTo();
      try {
        await ingestPaths(a.store, [samples()]);
        const task = await orderNotByName(a.store);
        assert.ok(task, 'the samples have a task whose units are not in order by name');
        const file = join(mkdtempSync(join(tmpdir(), 'lantu-backup-')), 'store.lantu.gz');
        await backup(a.store, file);
        await restore(b.store, file);
        const units = (s: Store) => s.selectFrom('task_units').select(['unit', 'role', 'seq']).where('task_id', '=', task).orderBy('seq').execute();
        assert.deepEqual(await units(b.store), await units(a.store));
        const [before, after] = [await reports(a.store), await reports(b.store)];
        assert.match(before[0], /通车（蓝湖交通投资集团、市交通运输局）/);
        assert.equal(after[0], before[0], 'Markdown report');
        assert.equal(after[1], before[1], 'HTML report');
      } finally {
        await a.close();
        await b.close();
      }
    });
