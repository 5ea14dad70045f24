// Why a --region or --year of status, warnings or targets finds nothing: a region the store has no
// targets of (with the known regions close to it) or a year none of its targets is for — one line in
// Chinese and English for a usage error (exit 2) instead of an empty table.
import type { Store } from '../store/db.js';
import { canonicalRegion } from '../monitor/refresh.js';
import { closest } from './suggest.js';

export interface Filter {
  region?: string;
  year?: number;
}

/** The message when the filter names what the store has no targets of; undefined when it is only empty. */
export async function emptyBecause(store: Store, filter: Filter): Promise<string | undefined> {
  if (!filter.region && !filter.year) return undefined;
  const pairs = await store.selectFrom('targets').select(['region', 'year']).distinct().execute();
  if (!pairs.length) return '存储库中还没有目标，请先导入文件（lantu ingest） / no targets in the store: ingest documents first';
  const region = filter.region ? (canonicalRegion(filter.region) ?? filter.region) : undefined;
  const ofRegion = region ? pairs.filter((p) => p.region === region) : pairs;
  if (region && !ofRegion.length) {
    const near = closest(filter.region!, pairs.map((p) => p.region));
    return near.length
      ? `没有地区“${filter.region}”的目标；是否要找：${near.join('、')}？ / no targets of region "${filter.region}"; did you mean ${near.join(', ')}?`
      : `没有地区“${filter.region}”的目标（共有 ${new Set(pairs.map((p) => p.region)).size} 个地区有目标，见 lantu status） / no targets of region "${filter.region}"`;
  }
  if (filter.year && !ofRegion.some((p) => p.year === filter.year)) {
    const years = [...new Set(ofRegion.map((p) => p.year))].sort((a, b) => a - b).join('、');
    const where = region ?? '';
    return `${where}没有 ${filter.year} 年的目标（有目标的年份：${years}） / no targets for ${filter.year}${region ? ` in ${region}` : ''} (years with targets: ${years.replace(/、/g, ', ')})`;
  }
  return undefined;
}
