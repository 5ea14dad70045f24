// Projects of a plan: the project groups of its 专栏 boxes ("1. 钾基产业稳产提质工程：实施…"), each split
// into the projects its text lists, with their capacities (年产10万吨, 2×66万千瓦) as facts and the
// enterprises named.
import type { DocumentRecord, Project, ProjectPart, Section } from '../model/records.js';
import type { Block, LineIndex } from '../repair/index.js';
import { flatten } from '../structure/outline.js';
import { sentenceFacts } from './facts/index.js';
import { words } from './facts/words.js';

const NAMED = /^\s*(\d{1,3}[.．、])?\s*([^：:。；]{2,40})[：:](.*)$/;
const PIECE_BREAK = /[、，；。]|(?<=[\u4e00-\u9fa5])及(?=[\u4e00-\u9fa5\d])/;

export function extractProjects(record: DocumentRecord, blocks: Block[], index: LineIndex): Project[] {
  const byLine = new Map(blocks.map((b) => [b.line, b]));
  const out: Project[] = [];
  for (const box of flatten(record.sections).filter((s) => s.kind === 'box')) {
    const boxTitle = `${box.ordinal ?? ''} ${box.title}`.trim();
    for (const item of box.children.filter((c: Section) => c.kind === 'item')) {
      const b = byLine.get(item.lines[0]);
      const m = b && NAMED.exec(b.text);
      if (!b || !m) continue;
      const contentStart = b.text.length - m[3].length;
      out.push({
        line: b.line,
        box: boxTitle,
        ordinal: m[1],
        name: m[2].trim(),
        content: m[3],
        parts: parts(record, b, contentStart, index),
      });
    }
  }
  return out;
}

/** The projects listed in a group's content, each with its quantities. */
function parts(record: DocumentRecord, b: Block, from: number, index: LineIndex): ProjectPart[] {
  const w = words();
  const out: ProjectPart[] = [];
  let at = from;
  for (const raw of b.text.slice(from).split(PIECE_BREAK)) {
    const start = b.text.indexOf(raw, at);
    at = start + raw.length;
    let name = raw.trim();
    for (const v of w.projectVerbs) if (name.startsWith(v)) name = name.slice(v.length);
    name = name.replace(/等(?:项目)?(?:建设)?$/, '');
    const quantities = sentenceFacts(raw, start, b, index, record).map((f) => ({ ...f, metric: name }));
    const isProject = quantities.length > 0 || w.projectWords.some((p) => name.endsWith(p));
    if (!isProject || name.length < 2) continue;
    const part: ProjectPart = { name, line: index.lineOf(b.mapped.origin(start)), quantities };
    const firstDigit = name.search(/\d/);
    const lead = firstDigit > 0 ? name.slice(0, firstDigit).replace(/年产$/, '') : '';
    if (lead && w.enterpriseSuffixes.some((s) => lead.endsWith(s))) part.enterprise = lead;
    out.push(part);
  }
  return out;
}
