// Page furniture: running headers and footers, page numbers, newspaper column markers
// ("(上接一版)", "(下转四版)"). The patterns are data: vocab/page-furniture.json.
import { vocab, patterns } from '../vocab/load.js';
import type { Mapped } from './mapped.js';

interface FurnitureVocab {
  headerFragments: string[];
  pageNumbers: string[];
  columnMarkers: string[];
}

let compiled: { fragments: RegExp[]; pageNumbers: RegExp[]; column: RegExp } | undefined;
function rules() {
  if (!compiled) {
    const v = vocab<FurnitureVocab>('page-furniture');
    compiled = {
      fragments: patterns(v.headerFragments.map((f) => `^(?:${f})`)),
      pageNumbers: patterns(v.pageNumbers),
      // matched on lines that still have their spaces: allow a space between any two characters
      column: new RegExp(v.columnMarkers.map((c) => `(?:${c})`).join('|'), 'g'),
    };
  }
  return compiled;
}

export type Furniture = 'header' | 'page-number';

/** Is this whole line page furniture? */
export function furnitureKind(line: string): Furniture | undefined {
  const s = line.replace(/\s+/g, '');
  if (!s) return undefined;
  const r = rules();
  if (r.pageNumbers.some((p) => p.test(s))) return 'page-number';
  let rest = s;
  for (let guard = 0; rest && guard < 4; guard++) {
    const f = r.fragments.find((p) => p.test(rest));
    if (!f) return undefined;
    rest = rest.replace(f, '');
  }
  return rest ? undefined : 'header';
}

/** Removes newspaper column markers wherever they stand. */
export function removeColumnMarkers(m: Mapped): Mapped {
  return m.replace(rules().column, () => '');
}
