// The fact vocabulary (vocab/fact-words.json), loaded once with its lists sorted longest first.
import type { Comparator } from '../../model/records.js';
import { vocab } from '../../vocab/load.js';

interface FactWords {
  comparatorBefore: Record<string, string[]>;
  comparatorAfter: Record<string, string[]>;
  more: string[];
  changeVerbs: string[];
  levelVerbs: string[];
  negative: string[];
  rankWords: string[];
  targetCues: string[];
  actualCues: string[];
  stripHead: string[];
  keepHead: string[];
  stripTail: string[];
  split: Record<string, string[]>;
  notComparator: string[];
  listCountNouns: string[];
  chineseOrdinalUnits: string[];
  heads: string[];
  unitWordBreaks: string[];
  projectVerbs: string[];
  projectWords: string[];
  enterpriseSuffixes: string[];
  programmeNouns: string[];
  notChange: string[];
  actionWords: string[];
  notMetric: string[];
  rateNouns: string[];
}

const longestFirst = (l: string[]) => [...l].sort((a, b) => b.length - a.length);
const pairs = (r: Record<string, string[]>) =>
  Object.entries(r)
    .flatMap(([k, ws]) => ws.map((w) => [w, k] as [string, Comparator]))
    .sort((a, b) => b[0].length - a[0].length);

let cached: ReturnType<typeof build> | undefined;
function build() {
  const v = vocab<FactWords>('fact-words');
  return {
    before: pairs(v.comparatorBefore),
    after: pairs(v.comparatorAfter),
    more: v.more,
    change: longestFirst(v.changeVerbs),
    level: longestFirst(v.levelVerbs),
    negative: v.negative,
    rank: longestFirst(v.rankWords),
    targetCues: v.targetCues,
    actualCues: v.actualCues,
    stripHead: longestFirst(v.stripHead),
    keepHead: v.keepHead,
    stripTail: longestFirst(v.stripTail),
    split: v.split,
    notComparator: v.notComparator,
    listCountNouns: v.listCountNouns,
    chineseOrdinalUnits: v.chineseOrdinalUnits,
    heads: longestFirst(v.heads),
    unitWordBreaks: v.unitWordBreaks,
    projectVerbs: longestFirst(v.projectVerbs),
    projectWords: longestFirst(v.projectWords),
    enterpriseSuffixes: longestFirst(v.enterpriseSuffixes),
    programmeNouns: longestFirst(v.programmeNouns),
    notChange: v.notChange,
    actionWords: new Set(v.actionWords),
    notMetric: v.notMetric,
    rateNouns: v.rateNouns,
    stripHeadByFirst: byChar(longestFirst(v.stripHead), (w) => w[0]),
    stripTailByLast: byChar(longestFirst(v.stripTail), (w) => w[w.length - 1]),
    beforeByLast: byChar(pairs(v.comparatorBefore), ([w]) => w[w.length - 1]),
    levelByLast: byChar(longestFirst(v.levelVerbs), (w) => w[w.length - 1]),
    // what is no metric when it is all that is left of one: a tail, a head, a change or a level verb
    notAlone: new Set([...v.stripTail, ...v.stripHead, ...v.changeVerbs, ...v.levelVerbs]),
  };
}

/** A list grouped by one character of each word, order kept: a look-up instead of a scan. */
function byChar<T>(list: T[], key: (w: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const w of list) m.set(key(w), [...(m.get(key(w)) ?? []), w]);
  return m;
}
export const words = () => (cached ??= build());
