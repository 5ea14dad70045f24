// Tasks of a task-division table: a header row naming a 责任单位 / 牵头单位 column, then one task per row.
import type { Task } from '../../model/records.js';
import type { Block, LineIndex } from '../../repair/index.js';
import { parseDeadline } from '../deadlines.js';
import { listUnits } from '../departments.js';

interface Columns {
  no?: number;
  title?: number;
  lead?: number;
  units?: number;
  support?: number;
  deadline?: number;
}

const COLUMN: Array<[keyof Columns, RegExp]> = [
  ['no', /^(?:序号|编号)$/],
  ['lead', /牵头/],
  ['support', /配合|协同|协办|协助/],
  ['units', /责任(?:单位|部门|主体)|承办|实施单位/],
  ['deadline', /时限|完成时间|时间节点|期限/],
  ['title', /任务|内容|事项|措施|项目|名称|工作/],
];

function header(cells: string[]): Columns | undefined {
  const cols: Columns = {};
  cells.forEach((c, i) => {
    const hit = COLUMN.find(([k, re]) => cols[k] === undefined && re.test(c) && c.length <= 12);
    if (hit) cols[hit[0]] = i;
  });
  return cols.lead !== undefined || cols.units !== undefined ? cols : undefined;
}

export function tableTasks(blocks: Block[], index: LineIndex, ctx: { date?: string }): Task[] {
  const out: Task[] = [];
  let cols: Columns | undefined;
  for (const b of blocks) {
    if (!b.row) {
      cols = undefined;
      continue;
    }
    const cells = b.text.split('\t').map((s) => s.trim());
    const h = header(cells);
    if (h) {
      cols = h;
      continue;
    }
    if (!cols) continue;
    const cell = (k: keyof Columns) => (cols![k] !== undefined ? cells[cols![k]!] ?? '' : '');
    let prefix: string | undefined;
    const list = (k: keyof Columns) => {
      const r = listUnits(cell(k), prefix);
      prefix = r.prefix;
      return [...new Set(r.units.map((u) => u.name))];
    };
    const lead = list('lead');
    const units = list('units').filter((u) => !lead.includes(u));
    const support = list('support').filter((u) => !lead.includes(u) && !units.includes(u));
    if (!lead.length && !units.length) continue;
    const titleAt = cols.title ?? cells.findIndex((c, i) => i !== cols!.no && c.length > 1 && !/^\d+$/.test(c));
    const task: Task = { line: index.lineOf(b.mapped.origin(0)), title: (cells[titleAt] ?? '').replace(/[。；]$/, '') };
    const no = cell('no');
    if (/^\d{1,3}$/.test(no)) task.ordinal = no;
    if (lead.length) task.lead = lead;
    task.units = units;
    if (support.length) task.support = support;
    const dl = cell('deadline');
    if (dl) task.deadline = parseDeadline(dl, ctx) ?? { text: dl };
    out.push(task);
  }
  return out;
}
