// One entry per distinct target (STATUS.md): the same target stated in several places (a plan's table and
// its prose, a report and a plan) is one entry listing every source; statements that disagree are kept
// as its conflict, judged on the authoritative one — an indicator table before prose, a plan or a work
// report before other papers, then the earlier statement. Pure.
import { createHash } from 'node:crypto';
import type { IssuesTable, TargetsTable } from '../store/schema.js';

export interface Distinct {
  lead: TargetsTable; // the authoritative statement
  same: TargetsTable[]; // other statements of the same value
  other: TargetsTable[]; // statements that disagree
}

export const keyOf = (t: Pick<TargetsTable, 'indicator_id' | 'region' | 'year' | 'basis' | 'period_from' | 'period_to' | 'measure'>) => `${t.indicator_id}|${t.region}|${t.year}|${t.basis}|${t.period_from}|${t.period_to}|${t.measure}`;
// a target in words (以上级下达为准) does not disagree with the number that makes it concrete
const agree = (a: TargetsTable, b: TargetsTable) => (a.value === b.value && a.upper === b.upper && a.words === b.words) || (a.words !== null) !== (b.words !== null);

/** Rank of a statement: lower is more authoritative. */
export function authority(t: TargetsTable, docType: string | null): number {
  const kind = t.source_kind === 'manual' ? 0 : t.source_kind === 'row' ? 1 : 2;
  const doc = docType && /规划|政府工作报告/.test(docType) ? 0 : 1;
  return kind * 2 + doc;
}

/** The rank of statements: a person's choice first (settled conflicts), then `authority`. */
export function ranker(docTypes: Map<string, string | null>, choices: Map<string, string>): (t: TargetsTable) => number {
  return (t) => (t.source_id !== null && choices.get(keyOf(t)) === t.source_id ? -1 : authority(t, docTypes.get(t.document_id ?? '') ?? null));
}

/** The statements people chose, by target key: settled conflict issues. */
export function choicesOf(issues: Array<Pick<IssuesTable, 'status' | 'subject' | 'choice'>>): Map<string, string> {
  return new Map(issues.filter((i) => i.status === 'settled' && i.subject && i.choice).map((i) => [i.subject!, i.choice!]));
}

export function authorityWord(t: TargetsTable, chosen = false): string {
  if (chosen) return '人工核定的表述';
  return t.source_kind === 'manual' ? '手工核定值' : t.source_kind === 'row' ? '指标表' : '正文表述';
}

/** Groups targets by indicator, region, year, basis and period, keeping the input order of the groups. */
export function groupTargets(targets: TargetsTable[], rank: (t: TargetsTable) => number): Distinct[] {
  const groups = new Map<string, TargetsTable[]>();
  for (const t of targets) groups.set(keyOf(t), [...(groups.get(keyOf(t)) ?? []), t]);
  return [...groups.values()].flatMap((list) => {
    // a number before words, then the most authoritative statement, then the earlier line
    const sorted = [...list].sort((a, b) => Number(a.value === null) - Number(b.value === null) || rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
    const lead = sorted[0];
    const same = sorted.slice(1).filter((t) => agree(t, lead));
    const other = sorted.slice(1).filter((t) => !agree(t, lead));
    // a metric only a document names (not in the registry) may name several things ("满100元减20元"
    // and "满200元减50元"): its statements that disagree are distinct targets, not a conflict
    if (lead.indicator_id.startsWith('m:') && other.length) return [{ lead, same, other: [] }, ...groupTargets(other, rank)];
    return [{ lead, same, other }];
  });
}

const place = (t: TargetsTable, files: Map<string, string>) => `${(t.document_id && files.get(t.document_id)) || '手工录入'}:${t.line ?? ''}`;
const said = (t: TargetsTable) => t.words ?? `${t.value}${t.upper !== null ? `–${t.upper}` : ''}`;

/** The conflicts among the targets' statements, as issues a person settles (an id that stays the same). */
export function conflictIssues(groups: Distinct[], files: Map<string, string>): IssuesTable[] {
  return groups
    .filter((g) => g.other.length)
    .map((g) => {
      const subject = keyOf(g.lead);
      const all = [g.lead, ...g.same, ...g.other];
      const detail = `同一目标的表述不一致：${all.map((t) => `${said(t)}（${place(t, files)}，${authorityWord(t)}）`).join(' / ')}；现以 ${place(g.lead, files)} 为准`;
      return { id: createHash('sha256').update(`statements|${subject}`).digest('hex').slice(0, 20), kind: 'conflict', indicator_id: g.lead.indicator_id, region: g.lead.region, year: g.lead.year, detail, status: 'open', subject, choice: null, settled_by: null, settled_at: null };
    });
}
