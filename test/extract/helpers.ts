import type { Fact } from '../../src/model/records.js';
import { structure } from '../../src/structure/index.js';
import { extract } from '../../src/extract/index.js';

/** Facts of a text read as a document (a work report when `report` is given its title first). */
export function factsOf(text: string): Fact[] {
  const f = extract(structure({ file: 'fixture.txt', format: 'txt', text }));
  return f.documents.flatMap((d) => d.record.facts ?? []);
}

/** A one-line work report dated 2025-02-10, with a review part (2024) and a tasks part (2025). */
export function report(review: string, tasks = '各项工作有序推进。'): string {
  return [
    '政府工作报告',
    '——2025年2月10日在蓝湖市第八届人民代表大会第四次会议上',
    '一、2024年工作回顾',
    review,
    '二、2025年目标任务和重点工作',
    tasks,
  ].join('\n\n');
}

/** The fact with this value, or a failure listing what there is. */
export function find(facts: Fact[], value: number): Fact {
  const f = facts.find((x) => x.value === value);
  if (!f) throw new Error(`no fact with value ${value} among ${JSON.stringify(facts.map((x) => [x.metric, x.value, x.unit]))}`);
  return f;
}
