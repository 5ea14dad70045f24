// Consistency checks, flagged for a person to settle (never settled silently): the same quantity said
// twice in one document with different values, an indicator named differently by different tables,
// and a change of statistical basis (口径) noted under a table, which breaks a series.
import { createHash } from 'node:crypto';
import type { DocumentRecord } from '../model/records.js';
import type { IssuesTable } from '../store/schema.js';
import type { Derived } from './derive.js';
import { linkName, normName } from './registry.js';

const id = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 20);

function issue(kind: string, indicatorId: string | null, region: string | null, year: number | null, detail: string): IssuesTable {
  return { id: id(`${kind}|${indicatorId}|${region}|${year}|${detail}`), kind, indicator_id: indicatorId, region, year, detail, status: 'open', subject: null, choice: null, settled_by: null, settled_at: null };
}

const show = (d: Derived) => `${d.value ?? d.words}${d.estimate ? '*' : ''}（${d.sourceKind === 'row' ? '表' : '正文'}第${d.line}行）`;

/** The same quantity said twice in one document with different values (derived from that document). */
export function documentConflicts(derived: Derived[]): IssuesTable[] {
  const out: IssuesTable[] = [];
  const groups = new Map<string, Derived[]>();
  for (const d of derived) {
    if (d.value === null) continue;
    const k = `${d.documentId}|${d.kind}|${d.indicatorId}|${d.region}|${d.year}|${d.measure}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  for (const list of groups.values()) {
    const values = new Set(list.map((d) => d.value));
    if (values.size < 2) continue;
    const d = list[0];
    const what = d.kind === 'target' ? '目标' : '实际值';
    out.push(issue('conflict', d.indicatorId, d.region, d.year, `同一文件给出不同的${d.year}年${what}：${list.map(show).join(' / ')}`));
  }
  return unique(out);
}

/** An indicator named differently by different tables: the names of the table rows linked to it (automatically), by indicator. */
export function driftIssues(names: Map<string, Iterable<string>>): IssuesTable[] {
  const out: IssuesTable[] = [];
  for (const [ind, list] of names) {
    const distinct = [...new Set([...list].map((n) => n.replace(/\s/g, '')))].sort();
    if (distinct.length > 1) out.push(issue('drift', ind, null, null, `指标名称不一致：${distinct.join(' / ')}`));
  }
  return out;
}

/** A change of statistical basis (口径) noted under a table of a document, in the document's region. */
export function breakIssues(record: DocumentRecord, region: string | null): IssuesTable[] {
  const out: IssuesTable[] = [];
  for (const t of record.tables)
    for (const note of t.notes ?? []) {
      if (!/口径|二调|三调/.test(note)) continue;
      for (const m of note.matchAll(/“([^”]{2,20})”/g)) {
        const row = t.rows.find((x) => normName(x.name) === normName(m[1]));
        const l = row && linkName(row.name, { unit: row.unit });
        if (l) out.push(issue('break', l.indicatorId, region ?? record.region ?? null, null, `统计口径变化，序列中断：${note}（${t.label}）`));
      }
    }
  return out;
}

/** One issue per id. */
export const unique = (list: IssuesTable[]): IssuesTable[] => [...new Map(list.map((i) => [i.id, i])).values()];
