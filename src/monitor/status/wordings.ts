// Targets in words, as data: each wording names the rule that judges it. Add new wordings here.
// Patterns are matched as substrings of the target text (whitespace removed), first rule first.

export type WordingRule =
  | 'gdp_above' // strictly above GDP growth of the same region and year
  | 'gdp_in_step' // GDP growth or above, within the in-step tolerance
  | 'higher_level' // the higher level's (省/州) target, when the context provides it
  | 'positive' // > 0
  | 'reasonable_range'; // within a stated range; not assessable without one

export interface Wording {
  rule: WordingRule;
  label: string; // how the reason names it
  patterns: string[];
}

export const WORDINGS: readonly Wording[] = [
  {
    rule: 'gdp_above',
    label: '高于经济增长',
    patterns: ['高于经济增长', '快于经济增长', '高于地区生产总值增长', '快于地区生产总值增长', '高于GDP增长', '快于GDP增长', '跑赢经济增长'],
  },
  {
    rule: 'gdp_in_step',
    label: '与经济增长同步',
    patterns: [
      '与经济增长同步',
      '与经济增长基本同步',
      '同经济增长同步',
      '与经济增长保持同步',
      '与地区生产总值增长同步',
      '与经济发展同步',
      '与GDP增长同步',
      '不低于经济增长',
    ],
  },
  {
    rule: 'higher_level',
    label: '以上级下达目标为准',
    patterns: [
      '完成经省州级层面审核衔接后确定的目标',
      '审核衔接后确定',
      '省州目标以内',
      '省州下达',
      '省下达',
      '州下达',
      '市下达',
      '上级下达',
      '省定目标',
      '国家下达',
    ],
  },
  { rule: 'positive', label: '正增长', patterns: ['正增长'] },
  { rule: 'reasonable_range', label: '合理区间内运行', patterns: ['合理区间'] },
];

/** The wording a target text uses, if any. */
export function matchWording(text: string): Wording | undefined {
  const s = text.replace(/\s+/g, '').replace(/ＧＤＰ/g, 'GDP');
  return WORDINGS.find((w) => w.patterns.some((p) => s.includes(p)));
}
