// One entry per distinct target (STATUS.md): the same target stated in several places (a plan's table and
// its prose, a report and a plan) is one entry listing every source; statements that disagree are kept
// as its conflict, judged on the authoritative one — an indicator table before prose, a plan or a work
// report before other papers, then the earlier statement. Pure.
import type { TargetsTable } from '../store/schema.js';

export interface Distinct {
  lead: TargetsTable; // the authoritative statement
  same: TargetsTable[]; // other statements of the same value
  other: TargetsTable[]; // statements that disagree
}

const keyOf = (t: TargetsTable) => `${t.indicator_id}|${t.region}|${t.year}|${t.basis}|${t.period_from}|${t.period_to}|${t.measure}`;
const agree = (a: TargetsTable, b: TargetsTable) => a.value === b.value && a.upper === b.upper && a.words === b.words;

/** Rank of a statement: lower is more authoritative. */
export function authority(t: TargetsTable, docType: string | null): number {
  const kind = t.source_kind === 'manual' ? 0 : t.source_kind === 'row' ? 1 : 2;
  const doc = docType && /规划|政府工作报告/.test(docType) ? 0 : 1;
  return kind * 2 + doc;
}

export function authorityWord(t: TargetsTable): string {
  return t.source_kind === 'manual' ? '手工核定值' : t.source_kind === 'row' ? '指标表' : '正文表述';
}

/** Groups targets by indicator, region, year, basis and period, keeping the input order of the groups. */
export function groupTargets(targets: TargetsTable[], rank: (t: TargetsTable) => number): Distinct[] {
  const groups = new Map<string, TargetsTable[]>();
  for (const t of targets) groups.set(keyOf(t), [...(groups.get(keyOf(t)) ?? []), t]);
  return [...groups.values()].map((list) => {
    const sorted = [...list].sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
    const lead = sorted[0];
    return { lead, same: sorted.slice(1).filter((t) => agree(t, lead)), other: sorted.slice(1).filter((t) => !agree(t, lead)) };
  });
}
