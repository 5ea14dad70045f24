// What kind of heading a paragraph begins with: 第X章, 第X节, 一、, （一）, 1., （1）, 专栏, 附件,
// a run-in head ("（一）坚持…，生态环境持续改善。第三轮…"), a bold head or a paragraph-lead head
// ("加强生态保护修复。扛牢…").
import type { SectionKind } from '../model/records.js';
import type { Block } from '../repair/index.js';

export interface Heading {
  kind: SectionKind;
  ordinal?: string;
  title: string;
}

const N = '[一二三四五六七八九十百零〇]+';
const RULES: Array<[SectionKind, RegExp]> = [
  ['chapter', new RegExp(`^(第(?:${N}|\\d+)章)\\s*(.*)$`)],
  ['section', new RegExp(`^(第(?:${N}|\\d+)节)\\s*(.*)$`)],
  ['box', new RegExp(`^(专栏\\s*(?:${N}|\\d+)?)\\s*(.*)$`)],
  ['attachment', /^(附件\s*\d*)[：:]?\s*(.{0,40})$/],
  ['part', new RegExp(`^(${N}、)\\s*(.*)$`)],
  ['subpart', new RegExp(`^([（(]${N}[)）])\\s*(.*)$`)],
  ['subitem', /^([（(]\d{1,3}[)）])\s*(.*)$/],
  ['item', /^(\d{1,3}[.．、])(?!\d)\s*(.*)$/],
];

/** The run-in title of a paragraph: its first sentence, when that is short and complete. */
export function runInTitle(rest: string): string {
  const named = /^([^，。；：:]{2,30})[：:]/.exec(rest); // "1. 名称：内容"
  if (named) return named[1];
  if (!/[。！？；]/.test(rest) && rest.length <= 40) return rest.replace(/[，、]$/, ''); // a heading without a full stop
  const m = /^(.{2,60}?)[。！？]/.exec(rest);
  if (m && !/[；]/.test(m[1])) return m[1];
  const clause = /^(.{2,60}?)[：；。，]/.exec(rest);
  return (clause ? clause[1] : rest.slice(0, 60)).replace(/[：；。，]$/, '');
}

// a paragraph-lead head: a short first sentence; not a fragment that continues a sentence (均…, 并…)
const LEAD = /^(?:——)?(?![均并和也及但而且等的了是在于与或即])([^，。；：！？、“”\d]{3,24})。(?=.)/;

export function classify(block: Block): Heading | undefined {
  if (block.row) return undefined;
  const t = block.text;
  for (const [kind, re] of RULES) {
    const m = re.exec(t);
    if (!m) continue;
    const rest = m[2];
    if (kind === 'attachment' && /[。；，]/.test(rest)) continue;
    const title = kind === 'chapter' || kind === 'section' || kind === 'box' || kind === 'attachment' ? rest : runInTitle(rest);
    return { kind, ordinal: m[1].replace(/\s+/g, ''), title };
  }
  const bold = block.bold.find(([a]) => a <= 2);
  if (bold) {
    const title = t.slice(bold[0], bold[1]).replace(/^——/, '').replace(/[。：:]$/, '');
    if (title.length >= 2 && title.length <= 40) return { kind: 'lead', title };
  }
  const lead = LEAD.exec(t);
  if (lead) return { kind: 'lead', title: lead[1] };
  if (block.heading) return { kind: 'heading', title: t };
  return undefined;
}
