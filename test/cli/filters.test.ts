// A --region or --year the store has no targets of is a usage error in one line — with the known
// regions close to the name — instead of an empty table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { closest, editDistance } from '../../src/cli/suggest.js';
import { cli, root } from './run.js';

test('did you mean: the known names one edit or a suffix away', () => {
  assert.equal(editDistance('格尔目市', '格尔木市'), 1);
  const known = ['格尔木市', '德令哈市', '蓝湖市', '海西蒙古族藏族自治州', '青海省'];
  assert.deepEqual(closest('格尔目市', known), ['格尔木市']);
  assert.deepEqual(closest('蓝湖', known), ['蓝湖市']);
  assert.deepEqual(closest('上海市', known), []);
});

test('status, warnings and targets refuse a region or year without targets, exit 2, one line', () => {
  const lantu = cli('lantu-filters-');
  const empty = lantu('status', '--region', '蓝湖市');
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /存储库中还没有目标.*no targets in the store/);
  assert.equal(lantu('ingest', join(root, 'samples')).code, 0);
  const cases: Array<[string[], RegExp]> = [
    [['status', '--region', '蓝胡市'], /^lantu: 没有地区“蓝胡市”的目标；是否要找：蓝湖市？ \/ no targets of region "蓝胡市"; did you mean 蓝湖市\?\n$/],
    [['status', '--region', '蓝湖市', '--year', '2019'], /^lantu: 蓝湖市没有 2019 年的目标（有目标的年份：.*2025.*） \/ no targets for 2019 in 蓝湖市 \(years with targets: .*2025.*\)\n$/],
    [['status', '--year', '2019', '--json'], /^lantu: 没有 2019 年的目标/],
    [['warnings', '--region', '上海市'], /^lantu: 没有地区“上海市”的目标（共有 \d+ 个地区有目标/],
    [['targets', '--indicator', 'gdp-growth', '--region', '蓝胡市'], /did you mean 蓝湖市\?/],
  ];
  for (const [args, message] of cases) {
    const r = lantu(...args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, message, args.join(' '));
  }
  // a region written short (蓝湖) that names a known one is that region
  const short = lantu('status', '--region', '蓝湖', '--year', '2025');
  assert.equal(short.code, 0, short.stderr);
});
