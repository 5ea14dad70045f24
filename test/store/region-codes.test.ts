// Region codes in the store (migration 004_region_codes): each document keeps its region's GB/T 2260
// code, and the regions table holds the chain of every document's region with codes and levels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../../src/cli/ingest.js';
import { storeKinds } from './stores.js';

const dir = mkdtempSync(join(tmpdir(), 'lantu-regions-'));
writeFileSync(join(dir, 'national.txt'), ['政府工作报告', '——2009年3月5日在第十一届全国人民代表大会第二次会议上', '国务院总理 温家宝', '各位代表：', '一、2008年工作回顾', '国内生产总值增长9%。'].join('\n'));
writeFileSync(join(dir, 'county.txt'), ['政府工作报告', '——2025年2月10日在互助土族自治县第十八届人民代表大会第五次会议上', '各位代表：', '一、2024年工作回顾', '全县地区生产总值增长6%。'].join('\n'));

for (const [kind, open] of await storeKinds()) {
  test(`${kind}: documents and regions keep their GB/T 2260 codes`, async () => {
    const { store, close } = await open();
    try {
      await ingestPaths(store, [dir]);
      const docs = await store.selectFrom('documents').select(['file', 'region', 'region_code', 'level']).orderBy('file').execute();
      assert.deepEqual(
        docs.map((d) => [d.region, d.region_code, d.level]),
        [
          ['互助土族自治县', '630223', 'county'],
          ['中华人民共和国', '100000', 'national'],
        ],
      );
      const row = async (name: string) => store.selectFrom('regions').select(['name', 'code', 'level', 'parent']).where('name', '=', name).executeTakeFirst();
      assert.deepEqual(await row('互助土族自治县'), { name: '互助土族自治县', code: '630223', level: 'county', parent: '海东市' });
      assert.deepEqual(await row('海东市'), { name: '海东市', code: '630200', level: 'prefecture', parent: '青海省' });
      assert.deepEqual(await row('中华人民共和国'), { name: '中华人民共和国', code: '100000', level: 'national', parent: null });
      assert.equal((await row('海西蒙古族藏族自治州'))?.code, '632800');
      assert.equal((await row('蓝湖市'))?.parent, '云泽州');
    } finally {
      await close();
    }
  });
}
