// Monitoring commands on the store: indicators, status, targets, export. Readable tables in the
// terminal, --json for scripts.
import { openStore, type Store } from '../store/db.js';
import { entryName, targetText, type StatusRow } from '../monitor/evaluate.js';
import { statusRows, today } from '../monitor/statuses.js';
import { linkName, searchIndicators, suggestIndicators } from '../monitor/registry.js';
import { alignment } from '../monitor/alignment.js';
import { addActuals, readActualsCsv, setLink } from '../monitor/manual.js';
import { warnings } from '../monitor/status/index.js';
import { LEVEL_LABEL, STATUS_LABEL } from '../monitor/labels.js';
import { csvCell } from '../report/opendata.js';
import { SettleError, settleConflict } from '../monitor/settle.js';
import { renderTable, type Cell } from './table.js';
import { emptyBecause, type Filter } from './filters.js';


/** The options of every table-printing command: JSON instead, or the table unwrapped. */
interface Shown {
  json?: boolean;
  wide?: boolean;
}

/** Columns of ids, copied into other commands (issues settle ID, targets --indicator ID): kept whole while the width allows. */
const WHOLE = ['编号', 'id', '指标编号'];

const table = (head: string[], rows: Cell[][], opts: Shown): string => renderTable(head, rows, { wide: opts.wide, whole: WHOLE });

/** Whether a filter names what the store has no targets of, said on stderr (a usage error). */
async function refused(store: Store, filter: Filter): Promise<boolean> {
  const why = await emptyBecause(store, filter);
  if (why) process.stderr.write(`lantu: ${why}\n`);
  return why !== undefined;
}

async function withStore<T>(fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore();
  try {
    return await fn(store);
  } finally {
    await store.destroy();
  }
}

/** An indicator named as the user writes it: its id, its name or a synonym. */
async function resolveIndicator(store: Store, name: string): Promise<string | undefined> {
  const byId = await store.selectFrom('indicators').select('id').where('id', '=', name).executeTakeFirst();
  if (byId) return byId.id;
  for (const unit of ['%', '亿元', '万千瓦', '人', '']) {
    const l = linkName(name, { unit });
    if (l?.confidence === 1) return l.indicatorId;
  }
  return linkName(name, { unit: '*' })?.indicatorId;
}

export async function runIndicators(opts: Shown & { search?: string }): Promise<number> {
  return withStore(async (store) => {
    let rows = await store.selectFrom('indicators').selectAll().orderBy('category').orderBy('id').execute();
    if (opts.search !== undefined) {
      // the registry of the vocabulary file, best match first (a store not yet refreshed may lack new entries)
      const stored = new Map(rows.map((r) => [r.id, r]));
      rows = searchIndicators(opts.search).map((d) => stored.get(d.id) ?? { id: d.id, name: d.name, unit: d.unit, unit_family: d.unitFamily, direction: d.direction, attribute: d.attribute ?? null, category: d.category ?? null, synonyms: JSON.stringify(d.synonyms), cumulative: d.cumulative ? 1 : 0 });
      if (!rows.length) {
        process.stderr.write(`lantu: no indicator matches "${opts.search}"${didYouMean(opts.search)}\n`);
        return 1;
      }
    }
    const counts = await store.selectFrom('targets').select(['indicator_id']).select((e) => e.fn.countAll().as('n')).groupBy('indicator_id').execute();
    const n = new Map(counts.map((c) => [c.indicator_id, Number(c.n)]));
    if (opts.json) process.stdout.write(JSON.stringify(rows.map((r) => ({ ...r, synonyms: JSON.parse(r.synonyms), targets: n.get(r.id) ?? 0 })), null, 1) + '\n');
    else
      process.stdout.write(
        table(
          ['id', '指标', '单位', '方向', '属性', '类别', '目标数'],
          rows.map((r) => [r.id, r.name, r.unit, r.direction === 'higher' ? '越高越好' : '越低越好', r.attribute, r.category, n.get(r.id) ?? 0]),
          opts,
        ),
      );
    return 0;
  });
}

/** "; did you mean: 城镇居民人均可支配收入 (urban-income), …" for a name the registry does not know. */
function didYouMean(name: string): string {
  const s = suggestIndicators(name);
  return s.length ? `; did you mean: ${s.map((d) => `${d.name} (${d.id})`).join(', ')}?` : '';
}

export async function runStatus(opts: Shown & { region?: string; year?: string; asOf?: string }): Promise<number> {
  return withStore(async (store) => {
    const asOf = opts.asOf ?? today();
    const year = opts.year ? Number(opts.year) : undefined;
    const rows = await statusRows(store, { region: opts.region, year, asOf });
    if (!rows.length && (await refused(store, { region: opts.region, year }))) return 2;
    // the contract of STATUS.md: one entry per distinct target
    if (opts.json) process.stdout.write(JSON.stringify({ asOf, statuses: rows.map((r) => r.entry) }, null, 1) + '\n');
    else process.stdout.write(statusTable(rows, opts));
    return 0;
  });
}

function statusTable(rows: StatusRow[], opts: Shown): string {
  return table(
    ['地区', '指标', '年份', '目标', '基期', '最新实际', '状态', '理由', '来源'],
    rows.map((r) => [`${r.region}${r.level ? `（${LEVEL_LABEL[r.level] ?? r.level}）` : ''}`, `${r.indicator}${r.unit ? `（${r.unit}）` : ''}`, r.year, r.target, r.baseline, r.latest, STATUS_LABEL[r.status], r.reason, `${r.source.file}:${r.source.line ?? ''}`]),
    opts,
  );
}

export async function runTargets(opts: Shown & { indicator: string; region?: string }): Promise<number> {
  return withStore(async (store) => {
    const id = await resolveIndicator(store, opts.indicator);
    if (!id) {
      process.stderr.write(`lantu: unknown indicator "${opts.indicator}"${didYouMean(opts.indicator)} (see lantu indicators --search TEXT)\n`);
      return 2;
    }
    const rows = await statusRows(store, { indicator: id, region: opts.region });
    if (!rows.length && (await refused(store, { region: opts.region }))) return 2;
    let aq = store.selectFrom('actuals').selectAll().where('indicator_id', '=', id);
    if (opts.region) aq = aq.where('region', '=', opts.region);
    const actuals = await aq.orderBy('region').orderBy('year').execute();
    if (opts.json) {
      // the same entries as status --json, every level side by side
      process.stdout.write(JSON.stringify({ indicator: id, targets: rows.map((r) => r.entry), actuals }, null, 1) + '\n');
      return 0;
    }
    process.stdout.write(`目标与完成情况：${rows[0]?.indicator ?? id}\n`);
    process.stdout.write(
      table(
        ['地区', '年份', '目标', '实际', '判断', '理由', '来源'],
        rows.map((r) => [r.region, r.year, r.target, r.latest, r.status === 'achieved' ? '完成' : r.status === 'off_track' ? '未完成' : STATUS_LABEL[r.status], r.reason, `${r.source.file}:${r.source.line ?? ''}`]),
        opts,
      ),
    );
    for (const year of [...new Set(rows.map((r) => r.year))].sort()) {
      const al = await alignment(store, id, year);
      if (al.length < 2) continue;
      process.stdout.write(`${year}年各级目标对照：\n`);
      process.stdout.write(table(['地区', '层级', '目标', '来源', '差距'], al.map((a) => [a.region, LEVEL_LABEL[a.level] ?? a.level, a.target, a.source, a.gap]), opts));
    }
    process.stdout.write('实际值（含版本）：\n');
    process.stdout.write(table(['地区', '年份', '数值', '版本', '来源'], actuals.map((a) => [a.region, a.year, a.value, a.vintage, `${a.document_id ?? '手工'}:${a.line ?? ''}`]), opts));
    return 0;
  });
}

export async function runExport(opts: { format?: string }): Promise<number> {
  return withStore(async (store) => {
    const rows = await statusRows(store);
    if ((opts.format ?? 'json') === 'json') {
      const [targets, actuals, indicators] = await Promise.all([
        store.selectFrom('targets').selectAll().execute(),
        store.selectFrom('actuals').selectAll().execute(),
        store.selectFrom('indicators').selectAll().execute(),
      ]);
      process.stdout.write(JSON.stringify({ indicators, targets, actuals, statuses: rows }, null, 1) + '\n');
      return 0;
    }
    const head = ['indicator_id', 'indicator', 'unit', 'region', 'level', 'year', 'target', 'baseline', 'latest', 'status', 'reason', 'source_file', 'source_line'];
    process.stdout.write(head.join(',') + '\n');
    for (const r of rows)
      process.stdout.write([r.indicatorId, r.indicator, r.unit, r.region, r.level, r.year, r.target, r.baseline, r.latest, r.status, r.reason, r.source.file, r.source.line].map(csvCell).join(',') + '\n');
    return 0;
  });
}

export { targetText };

export async function runIssues(opts: Shown): Promise<number> {
  return withStore(async (store) => {
    const rows = await store.selectFrom('issues').selectAll().orderBy('kind').orderBy('indicator_id').execute();
    const KIND: Record<string, string> = { conflict: '数值冲突', drift: '名称不一致', break: '口径变化' };
    if (opts.json) process.stdout.write(JSON.stringify(rows, null, 1) + '\n');
    else {
      process.stdout.write(table(['编号', '类型', '指标编号', '地区', '年份', '说明', '状态'], rows.map((r) => [r.id, KIND[r.kind] ?? r.kind, r.indicator_id, r.region, r.year, r.detail, r.status === 'open' ? '待核定' : `已核定（${r.settled_by ?? ''}）`]), opts));
      if (rows.some((r) => r.subject && r.status === 'open')) process.stdout.write('核定：lantu issues settle 编号 --choose 文件:行号\n');
    }
    return 0;
  });
}

export async function runSettle(id: string, place: string): Promise<number> {
  return withStore(async (store) => {
    try {
      const chosen = await settleConflict(store, id, place, { username: 'cli' });
      process.stdout.write(`settled ${id}: ${chosen} is authoritative\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof SettleError)) throw e;
      process.stderr.write(`lantu: ${e.message}\n`);
      return 2;
    }
  });
}

export async function runLink(subject: string, indicator: string): Promise<number> {
  return withStore(async (store) => {
    const id = (await resolveIndicator(store, indicator)) ?? indicator;
    try {
      await setLink(store, subject, id);
      process.stdout.write(`linked ${subject} → ${id}\n`);
      return 0;
    } catch (e) {
      process.stderr.write(`lantu: ${(e as Error).message}\n`);
      return 2;
    }
  });
}

export async function runActualAdd(opts: { indicator: string; region: string; year: string; value: string; vintage?: string }): Promise<number> {
  return withStore(async (store) => {
    try {
      await addActuals(store, [{ indicator: opts.indicator, region: opts.region, year: Number(opts.year), value: Number(opts.value), vintage: opts.vintage as never }]);
      process.stdout.write(`stored ${opts.indicator} ${opts.region} ${opts.year}: ${opts.value}\n`);
      return 0;
    } catch (e) {
      process.stderr.write(`lantu: ${(e as Error).message}\n`);
      return 2;
    }
  });
}

export async function runActualImport(file: string): Promise<number> {
  return withStore(async (store) => {
    try {
      const n = await addActuals(store, readActualsCsv(file));
      process.stdout.write(`stored ${n} actual value(s) from ${file}\n`);
      return 0;
    } catch (e) {
      process.stderr.write(`lantu: ${(e as Error).message}\n(nothing stored)\n`);
      return 2;
    }
  });
}

/** Early warning: targets off track, at risk or without data, binding (约束性) indicators weighing more. */
export async function runWarnings(opts: Shown & { region?: string; asOf?: string }): Promise<number> {
  return withStore(async (store) => {
    const rows = await statusRows(store, { region: opts.region, asOf: opts.asOf });
    if (!rows.length && (await refused(store, { region: opts.region }))) return 2;
    const byName = new Map(rows.map((r) => [entryName(r), r]));
    const list = warnings(
      rows
        // no data is a warning only once the target's year is over
        .filter((r) => ['missed', 'off_track', 'at_risk'].includes(r.status) || (r.status === 'no_data' && r.year < Number((opts.asOf ?? new Date().toISOString()).slice(0, 4))))
        .map((r) => ({ name: entryName(r), indicatorId: r.indicatorId, attribute: r.attribute ?? undefined, result: { status: r.status, reason: r.reason } })),
    );
    if (opts.json) process.stdout.write(JSON.stringify(list.map((w) => ({ ...w, source: byName.get(w.name)?.source })), null, 1) + '\n');
    else process.stdout.write(table(['预警', '权重', '属性', '状态', '理由', '来源'], list.map((w) => { const r = byName.get(w.name); return [w.name, w.weight, w.attribute ?? '', STATUS_LABEL[w.status], w.reason, r ? `${r.source.file}:${r.source.line ?? ''}` : '']; }), opts));
    return 0;
  });
}

/** The responsible units named by the tasks (normalised through the department catalogue), with their tasks. */
export async function runDepartments(opts: Shown): Promise<number> {
  return withStore(async (store) => {
    const rows = await store
      .selectFrom('task_units')
      .select(['unit', 'role'])
      .select((e) => e.fn.countAll().as('n'))
      .groupBy(['unit', 'role'])
      .orderBy('unit')
      .execute();
    const by = new Map<string, { unit: string; lead: number; unit_: number; support: number }>();
    for (const r of rows) {
      const x = by.get(r.unit) ?? { unit: r.unit, lead: 0, unit_: 0, support: 0 };
      if (r.role === 'lead') x.lead += Number(r.n);
      else if (r.role === 'support') x.support += Number(r.n);
      else x.unit_ += Number(r.n);
      by.set(r.unit, x);
    }
    const list = [...by.values()].sort((a, b) => b.lead + b.unit_ - (a.lead + a.unit_));
    if (opts.json) process.stdout.write(JSON.stringify(list.map((x) => ({ unit: x.unit, lead: x.lead, responsible: x.unit_, support: x.support })), null, 1) + '\n');
    else process.stdout.write(table(['责任单位', '牵头', '责任', '配合'], list.map((x) => [x.unit, x.lead, x.unit_, x.support]), opts));
    return 0;
  });
}
