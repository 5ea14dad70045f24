// Where a paragraph names responsible units: inline parentheses ("（责任单位：…）", "（X牵头，Y、Z配合）",
// "（X牵头落实）"), label blocks ("牵头单位：… 责任单位：… 工作职责：…"), and department-duty paragraphs
// ("（一）市应急管理局。负责…", "市委宣传部：负责…", "市公安局负责…" under a 职责分工 heading).
import { parseAssignment, listUnits, isUnitLike, UNIT_LABEL, type Assignment } from '../departments.js';

export interface Found extends Assignment {
  /** The paragraph is a label block: it begins with "牵头单位：" or the like. */
  labelBlock: boolean;
  /** [start, end) spans of the text that name units (left out of titles). */
  spans: Array<[number, number]>;
}

/** Outermost parentheses of a text, full- or half-width; an unclosed one runs to the end. */
export function parens(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '（' || c === '(') {
      if (depth++ === 0) start = i;
    } else if ((c === '）' || c === ')') && depth > 0 && --depth === 0) out.push([start, i + 1]);
  }
  if (depth > 0) out.push([start, text.length]);
  return out;
}

function merge(into: Assignment, a: Assignment): void {
  for (const k of ['lead', 'units', 'support'] as const) for (const u of a[k]) if (!into[k].includes(u)) into[k].push(u);
  into.deadline ??= a.deadline;
}

const UNIT_LABEL_G = new RegExp(UNIT_LABEL.source, 'g');

/** The units a paragraph names in parentheses or in labelled lines, if any. */
export function assignmentOf(text: string): Found | undefined {
  const found: Found = { lead: [], units: [], support: [], labelBlock: false, spans: [] };
  const ps = parens(text);
  for (const [a, b] of ps) {
    const closed = text[b - 1] === '）' || text[b - 1] === ')';
    const inner = text.slice(a + 1, closed ? b - 1 : b);
    const r = parseAssignment(inner);
    if (!r.ok) continue;
    const labelled = UNIT_LABEL.test(inner.slice(0, 8));
    // an unlabelled list needs a verb (牵头, 配合, 负责 …) or names the catalogue vouches for, and ends its sentence
    // ("报…办公室（市生态环境局）" is an aside, not an assignment)
    const atEnd = /^[。；;]?$/.test(text.slice(b, b + 1)) && /[。；;]/.test(text[a - 1] ?? '');
    if (!labelled && !r.verbs && !(r.strict && atEnd)) continue;
    if (!closed && !labelled) continue;
    merge(found, r);
    found.spans.push([a, b]);
  }
  // a label outside parentheses, at the start of the paragraph or of a sentence
  const inParen = (i: number) => ps.some(([a, b]) => i >= a && i < b);
  const re = UNIT_LABEL_G;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (inParen(m.index) || (m.index > 0 && !/[。；;\s]/.test(text[m.index - 1]))) continue;
    const r = parseAssignment(text.slice(m.index));
    if (r.lead.length + r.units.length + r.support.length > 0) {
      merge(found, r);
      found.spans.push([m.index, text.length]);
      found.labelBlock = m.index === 0;
    }
    break;
  }
  return found.spans.length ? found : undefined;
}

const SUBJECT_END = /负责|牵头|落实|配合|会同|承担|按照|按职责|要|[。：:；]/;

const DUTY_VERB = /^(?:主要)?(?:负责|牵头|承担|配合|协助|做好|加强|督促|指导|组织|依法|统筹|履行|落实)/;

/**
 * A department-duty paragraph: its run-in head is a unit ("（一）市应急管理局。负责…", "市委宣传部：负责…"), or,
 * under a heading about duties (职责, 分工), it begins with the units that answer for it ("市公安局负责…").
 */
export function dutyOf(rest: string, head: string | undefined, dutySection: boolean, next = ''): { found: Found; title: string } | undefined {
  const strictUnits = (s: string) => {
    const r = listUnits(s);
    return r.units.length > 0 && r.units.every((u) => u.strict && isUnitLike(u.name)) ? r.units.map((u) => u.name) : undefined;
  };
  const make = (units: string[], lead: boolean, title: string, end: number) => ({
    found: { lead: lead ? units : [], units: lead ? [] : units, support: [], labelBlock: false, spans: [[0, end]] as Array<[number, number]> },
    title,
  });
  const tail = rest.slice(head?.length ?? 0).replace(/^[。：:]/, '') || next;
  if (head && rest.startsWith(head) && /^[。：:]|^$/.test(rest.slice(head.length, head.length + 1)) && DUTY_VERB.test(tail)) {
    const units = head.length <= 40 ? strictUnits(head) : undefined;
    if (units) return make(units, false, head, head.length);
  }
  const colon = /^([^，。；：:]{2,40})[：:]\s*负责/.exec(rest);
  if (colon) {
    const units = strictUnits(colon[1]);
    if (units) return make(units, false, colon[1], colon[1].length);
  }
  if (!dutySection) return undefined;
  const m = SUBJECT_END.exec(rest);
  if (!m || m.index < 2 || m.index > 80) return undefined;
  const r = listUnits(rest.slice(0, m.index));
  if (!r.units.length || !r.units.every((u) => isUnitLike(u.name) && (u.known || u.strict))) return undefined;
  return make(r.units.map((u) => u.name), m[0] === '牵头', '', 0);
}
