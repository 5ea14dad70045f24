// A plan's key tasks: its run-in paragraph heads ("构建全域生态安全屏障。…"), each with the section it
// stands in and no units yet — a later task-division plan, or a person, assigns them. Heads in the
// review of the last plan (achievements) and in the goals (targets) are not tasks.
import type { Section, Task } from '../model/records.js';

export function keyTasks(sections: Section[]): Task[] {
  const out: Task[] = [];
  const walk = (list: Section[], parent?: Section) => {
    for (const s of list) {
      if (s.kind === 'lead' && parent && parent.kind !== 'box' && s.part !== 'review' && s.part !== 'targets') {
        out.push({ line: s.lines[0], kind: 'key', section: `${parent.ordinal ?? ''} ${parent.title}`.trim(), title: s.title, units: [] });
      }
      walk(s.children, s);
    }
  };
  walk(sections);
  return out;
}
