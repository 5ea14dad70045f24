// Consistency checks, flagged for a person to settle (never settled silently): the same quantity said
// twice in one document with different values, an indicator named differently by different tables,
// and a change of statistical basis (口径) noted under a table, which breaks a series.
import { createHash } from 'node:crypto';
import type { DocumentRecord } from '../model/records.js';
import type { IssuesTable } from '../store/schema.js';
import type { Derived, DocInfo } from './derive.js';
import { linkName, normName } from './registry.js';

const id = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 20);

function issue(kind: string, indicatorId: string | null, region: string | null, year: number | null, detail: string): IssuesTable {
  return { id: id(`${kind}|${indicatorId}|${region}|${year}|${detail}`), kind, indicator_id: indicatorId, region, year, detail, status: 'open', subject: null, choice: null, settled_by: null, settled_at: null };
}

const show = (d: Derived) => `${d.value ?? d.words}${d.estimate ? '*' : ''}（${d.sourceKind === 'row' ? '表' : '正文'}第${d.line}行）`;

export function findIssues(derived: Derived[], records: DocumentRecord[], info: Map<string, DocInfo>): IssuesTable[] {
  const out: IssuesTable[] = [];
  // 1. the same quantity twice in one document, with different values
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
  // 2. names drifting between tables: one indicator, several names
  const names = new Map<string, Set<string>>();
  for (const r of records)
    for (const t of r.tables)
      for (const row of t.rows) {
        const l = linkName(row.name, { unit: row.unit });
        if (l) names.set(l.indicatorId, (names.get(l.indicatorId) ?? new Set()).add(row.name));
      }
  for (const [ind, set] of names) {
    const distinct = new Set([...set].map((n) => n.replace(/\s/g, '')));
    if (distinct.size > 1) out.push(issue('drift', ind, null, null, `指标名称不一致：${[...distinct].join(' / ')}`));
  }
  // 3. a change of statistical basis noted under a table breaks the series of the indicators it names
  const regionOf = new Map<string, string | null>();
  for (const d of info.values()) if (!regionOf.has(d.title)) regionOf.set(d.title, d.region);
  for (const r of records) {
    const region = regionOf.get(r.title) ?? r.region ?? null;
    for (const t of r.tables)
      for (const note of t.notes ?? []) {
        if (!/口径|二调|三调/.test(note)) continue;
        for (const m of note.matchAll(/“([^”]{2,20})”/g)) {
          const row = t.rows.find((x) => normName(x.name) === normName(m[1]));
          const l = row && linkName(row.name, { unit: row.unit });
          if (l) out.push(issue('break', l.indicatorId, region, null, `统计口径变化，序列中断：${note}（${t.label}）`));
        }
      }
  }
  // the same finding twice (a document ingested twice in another form): one issue, since ids are keys
  return [...new Map(out.map((i) => [i.id, i])).values()];
}
