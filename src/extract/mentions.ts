// Project mentions: every sentence of a document (not only a plan's 专栏) that names a project — a
// kind of project (抽水蓄能电站, 输变电工程…) with a name before it — read with the stage it speaks of
// (开工, 全面施工, 加快建设, 建成…), the year (a report's review: the year before it; its tasks and
// other documents: their own year; a plan: its period), the capacity, the line. Pure, per document;
// following one project across documents is src/monitor/projects.ts.
import type { DocumentRecord, ProjectMention } from '../model/records.js';
import type { Block, LineIndex } from '../repair/index.js';
import { modalityOf, placeOf, yearOf } from './facts/context.js';
import { kindAt, nameParts, projectWords, type NameParts } from './project-names.js';

const SENTENCE = /[^。！？；\n]+[。！？；]?/g;
const CLAUSE_BREAK = /[，,；;：:。！？\t]/;
const ITEM_BREAK = /[，,；;：:。！？、“”"（）()《》\t]/;
const FUNCTION_WORD = /[的和与及等了]/g;

interface Found {
  parts: NameParts;
  start: number; // where the name starts in the sentence
  end: number; // where the (last) name of its group ends: the stage words follow it
}

export function findMentions(record: DocumentRecord, blocks: Block[], index: LineIndex): ProjectMention[] {
  const out: ProjectMention[] = [];
  for (const b of blocks) {
    if (!namesAKind(b.text)) continue; // a paragraph that names no kind of project names no project
    for (const m of b.text.matchAll(SENTENCE)) {
      const s = m[0];
      const seen = new Set<string>();
      for (const f of namesIn(s)) {
        if (seen.has(f.parts.core)) continue;
        seen.add(f.parts.core);
        out.push(mention(record, s, f, index.lineOf(b.mapped.origin(m.index! + f.start))));
      }
    }
  }
  return out;
}

/** Whether any kind of project stands in a text: a quick test before the reading of its sentences. */
function namesAKind(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (kindAt(text, i)) return true;
  return false;
}

/** The projects a sentence names, in order (a shared kind distributed: 哇让、同德、南山口抽水蓄能电站). */
export function namesIn(s: string): Found[] {
  const w = projectWords();
  const out: Found[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = kindAt(s, i);
    if (!k) continue;
    let end = i + k.alias.length;
    const tail = w.tails.find((x) => s.startsWith(x, end)) ?? '';
    end += tail.length;
    const suffix = w.suffixes.find((x) => s.startsWith(x, end)) ?? '';
    end += suffix.length;
    const next = s.slice(end);
    const bounded = suffix || !next || ITEM_BREAK.test(next[0]) || w.bounds.some((a) => next.startsWith(a));
    const at = i;
    i += k.alias.length - 1; // a kind inside a longer one (高速公路) is not read again
    if (!bounded) continue;
    const itemStart = lastBreak(s, at);
    const lead = cutLead(s.slice(itemStart, at));
    const parts = nameParts(lead.text, k.alias, k.kind, suffix, tail);
    if (!parts) continue;
    const group: Found[] = [{ parts, start: at - lead.text.length, end }];
    // bare names before it, joined by 、, share its kind (not its capacity: 松如沟、东台750千伏输变电)
    for (let at = itemStart; !lead.cut && !/\d/.test(lead.text) && s[at - 1] === '、'; ) {
      const from = lastBreak(s, at - 1);
      const item = cutLead(s.slice(from, at - 1));
      const bare = /^[\u4e00-\u9fa5]{2,6}$/.test(item.text) && !w.bareEnds.includes(item.text.slice(-1)) && !w.suffixes.some((x) => item.text.endsWith(x)) && ![...item.text].some((_, j) => kindAt(item.text, j));
      const p = bare ? nameParts(item.text, k.alias, k.kind, suffix, tail) : undefined;
      if (!p) break;
      group.unshift({ parts: p, start: at - 1 - item.text.length, end });
      if (item.cut) break;
      at = from;
    }
    out.push(...group);
    i = end - 1;
  }
  return out;
}

function lastBreak(s: string, before: number): number {
  for (let j = before - 1; j >= 0; j--) if (ITEM_BREAK.test(s[j])) return j + 1;
  return 0;
}

/** The words of an item after the last verb or function word before a name. */
function cutLead(item: string): { text: string; cut: boolean } {
  // where the last stop ends: found from the end, by the stops that end in each character
  let cut = 0;
  const { stopsByLast } = projectWords();
  for (let e = item.length; e > 0 && cut === 0; e--) {
    const stops = stopsByLast.get(item.charCodeAt(e - 1));
    if (stops) for (const stop of stops) if (stop.length <= e && item.startsWith(stop, e - stop.length)) cut = e;
  }
  // a function word inside a region's name (呼和浩特, 和田) does not end the name
  const inRegion = (k: number) => projectWords().regions.some((r) => { const at = item.indexOf(r); return at >= 0 && at <= k && k < at + r.length; });
  for (const m of item.matchAll(FUNCTION_WORD)) if (!/^等?\d+个/.test(item.slice(m.index)) && !inRegion(m.index!)) cut = Math.max(cut, m.index! + 1);
  if (cut === 0 && /^[以对将把向]/.test(item)) cut = 1; // 以盐湖绿色产业园为…
  return { text: item.slice(cut), cut: cut > 0 };
}

/** The stage words of a clause: the last after the name (its predicate), else the nearest before it. */
export function stageOf(before: string, after: string): { stage: string; words: string; rank: number } | undefined {
  const found = (t: string) => {
    const hits: Array<{ word: string; stage: string; rank: number }> = [];
    for (let i = 0; i < t.length; i++) {
      const h = projectWords().stageWords.find((x) => t.startsWith(x.word, i));
      if (h) (hits.push(h), (i += h.word.length - 1));
    }
    return hits;
  };
  const a = found(after).pop();
  const b = found(before).pop();
  if (a && a.stage === '建设' && b?.word === '加快') return { stage: a.stage, words: '加快建设', rank: a.rank };
  const h = a ?? b;
  return h && { stage: h.stage, words: h.word, rank: h.rank };
}

function mention(record: DocumentRecord, s: string, f: Found, line: number): ProjectMention {
  let from = f.start;
  while (from > 0 && !CLAUSE_BREAK.test(s[from - 1])) from--;
  let to = f.end;
  while (to < s.length && !CLAUSE_BREAK.test(s[to])) to++;
  const st = stageOf(s.slice(from, f.start), s.slice(f.end, to));
  const place = placeOf(record, line);
  const before = s.slice(0, f.start);
  const modality = modalityOf(s, before, s.slice(from, f.start), place);
  let year = yearOf(before, modality, place);
  let period: [number, number] | undefined;
  if (place.kind === 'plan' && place.planYears && modality === 'target' && !/\d{4}年/.test(before)) {
    period = place.planYears;
    year = period[0];
  }
  const quote = quoteOf(s, from, to, f);
  const out: ProjectMention = { line, name: f.parts.written, core: f.parts.core, kind: f.parts.kind, modality: modality === 'actual' ? 'actual' : 'planned', quote };
  if (f.parts.capacity) out.capacity = f.parts.capacity;
  if (st) Object.assign(out, { stage: st.stage, stageWords: st.words, rank: st.rank });
  if (year) out.year = year;
  if (period) out.period = period;
  return out;
}

/** The clause of a mention; in a long one, from the item the name begins (after 、) with … for the cut. */
function quoteOf(s: string, from: number, to: number, f: Found): string {
  let a = from;
  if (f.start - from > 30) a = Math.max(s.lastIndexOf('、', f.start - 1) + 1, f.start - 30);
  const b = Math.min(to, f.end + 30);
  return `${a > from ? '…' : ''}${s.slice(a, b).trim()}${b < to ? '…' : ''}`;
}
