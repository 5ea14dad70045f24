// The rows of the store's regions table, with their GB/T 2260 codes: every province and prefecture, the
// vocabulary's own regions (the national level, the fictional sample regions), and the chain up to the
// national level of each region a stored document names. Counties enter only through documents: their
// names repeat across the country (朝阳区, 鼓楼区) and the table's key is the name.
import { allRegions, parentOf, regionByCode, regionInfo, type Region } from './regions.js';

export interface RegionRow {
  name: string;
  code: string | null;
  level: string;
  parent: string | null;
}

/** The region a stored document names: by its code where it has one, else by its name. */
export function storedRegion(name: string | null, code?: string | null): Region | undefined {
  const byCode = code ? regionByCode(code) : undefined;
  if (byCode) return byCode;
  const info = name ? regionInfo(name) : undefined;
  return info?.code ? regionByCode(info.code) : undefined;
}

/** The canonical (full) name of a stored document's region: 海西州 → 海西蒙古族藏族自治州; unknown names stay. */
export function canonicalRegionName(name: string | null, code?: string | null): string | null {
  return storedRegion(name, code)?.name ?? (name ? (regionInfo(name)?.name ?? name) : null);
}

export function regionRows(documents: Array<{ region: string | null; region_code?: string | null }>): RegionRow[] {
  const rows = new Map<string, RegionRow>();
  const add = (r: Region) => {
    if (!r.functional && !rows.has(r.name)) rows.set(r.name, { name: r.name, code: r.code ?? null, level: r.level, parent: r.parent ?? null });
  };
  for (const d of documents) {
    for (let r = storedRegion(d.region, d.region_code), n = 0; r && n < 6; r = parentOf(r), n++) add(r);
  }
  for (const r of allRegions()) if (r.level !== 'county' || !r.code) add(r);
  return [...rows.values()];
}
