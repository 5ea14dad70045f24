// Projects in the store: refilled from the documents' mentions on every refresh (derived data,
// deterministic), and read back as projects with their timelines for the CLI and the web.
import type { DocumentRecord } from '../../model/records.js';
import type { Store } from '../../store/db.js';
import { inChunks, insertAll } from '../../store/insert.js';
import { coreOf } from '../../extract/project-names.js';
import { linkProjects, type LinkedProject, type SourcedMention } from './link.js';
import { sql } from 'kysely';
import { backfillMentions } from './backfill.js';

/** Replaces the projects and their mentions with those the documents name now (`trx`: in the refresh). */
export async function refreshProjects(trx: Store): Promise<number> {
  await backfillMentions(trx);
  const docs = await trx.selectFrom('documents').select(['id', 'file', 'title', 'date', 'region', 'record']).orderBy('id').execute();
  const mentions = docs.flatMap((d) => sourced(d, JSON.parse(d.record) as DocumentRecord));
  await trx.deleteFrom('project_mentions').execute();
  await trx.deleteFrom('projects').execute();
  return writeProjects(trx, linkProjects(mentions));
}

type DocumentRow = { id: string; file: string; title: string; date: string | null; region: string | null };
const sourced = (d: DocumentRow, rec: DocumentRecord): SourcedMention[] => (rec.mentions ?? []).map((m) => ({ ...m, documentId: d.id, file: d.file, title: d.title, date: d.date, region: d.region }));
/** A power station's proper name (格尔木 of 格尔木光伏电站 or 格尔木电站): a plain 电站 joins the station of the same proper name. */
const properOf = (m: { core: string; kind: string }): string | undefined => (m.kind.endsWith('电站') ? m.core.slice(0, -m.kind.length) : undefined);
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The projects that new documents' mentions join, linked again with the mentions of the earlier documents
 * that name them (a project's timeline, aliases and stage change; nothing else does).
 */
export async function refreshProjectsOf(trx: Store, docs: Array<DocumentRow & { record: DocumentRecord }>): Promise<number> {
  const fresh = docs.flatMap((d) => sourced(d, d.record));
  if (!fresh.length) return 0;
  const cores = new Set(fresh.map((m) => m.core));
  const propers = new Set(fresh.map(properOf).filter((p): p is string => p !== undefined));
  const touched = new Map<string, string>();
  for (const p of await inChunks([...cores], (chunk) => trx.selectFrom('projects').select(['id', 'core']).where('core', 'in', chunk).execute())) touched.set(p.id, p.core);
  for (const p of propers)
    for (const r of await trx.selectFrom('projects').select(['id', 'core', 'kind']).where(sql<boolean>`core LIKE ${`${likeEscape(p)}%电站`} ESCAPE '\\'`).execute()) {
      touched.set(r.id, r.core);
      const q = properOf(r);
      if (q !== undefined) propers.add(q);
    }
  for (const c of touched.values()) cores.add(c);
  for (const p of propers) cores.add(`${p}电站`);
  // the earlier mentions of these projects, from the documents that name them
  const ids = [...touched.keys()];
  const earlier: SourcedMention[] = [];
  const known = new Set(docs.map((d) => d.id));
  const named = await inChunks(ids, (chunk) => trx.selectFrom('project_mentions').select('document_id').distinct().where('project_id', 'in', chunk).execute());
  const dl = [...new Set(named.map((m) => m.document_id).filter((id) => !known.has(id)))].sort();
  // their records a hundred at a time (the largest values of the store)
  for (let i = 0; i < dl.length; i += 100)
    for (const d of await trx.selectFrom('documents').select(['id', 'file', 'title', 'date', 'region', 'record']).where('id', 'in', dl.slice(i, i + 100)).orderBy('id').execute())
      earlier.push(...sourced(d, JSON.parse(d.record) as DocumentRecord).filter((m) => cores.has(m.core)));
  await inChunks(ids, (chunk) => trx.deleteFrom('project_mentions').where('project_id', 'in', chunk).execute());
  await inChunks(ids, (chunk) => trx.deleteFrom('projects').where('id', 'in', chunk).execute());
  const all = [...earlier, ...fresh].sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  return writeProjects(trx, linkProjects(all));
}

async function writeProjects(trx: Store, projects: LinkedProject[]): Promise<number> {
  await insertAll(
    trx,
    'projects',
    projects.map((p) => ({
      id: p.id,
      core: p.core,
      kind: p.kind,
      aliases: JSON.stringify(p.aliases),
      capacity: p.capacity ?? null,
      stage: p.stage?.stage ?? null,
      stage_words: p.stage?.words ?? null,
      stage_year: p.stage?.year ?? null,
      regions: JSON.stringify(p.regions),
      mentions: p.timeline.length,
      documents: p.documents,
      first_year: p.timeline.find((m) => m.year)?.year ?? null,
      last_year: Math.max(...p.timeline.map((m) => m.period?.[1] ?? m.year ?? 0)) || null,
    })),
  );
  await insertAll(
    trx,
    'project_mentions',
    projects.flatMap((p) =>
      p.timeline.map((m, k) => ({
        id: `${p.id}:${k}`,
        project_id: p.id,
        document_id: m.documentId,
        seq: k,
        line: m.line,
        name: m.name,
        stage: m.stage ?? null,
        stage_words: m.stageWords ?? null,
        modality: m.modality,
        year: m.year ?? null,
        year_end: m.period?.[1] ?? null,
        date: m.date ?? null,
        capacity: m.capacity ?? null,
        quote: m.quote,
      })),
    ),
  );
  return projects.length;
}

export interface ProjectView {
  id: string;
  core: string;
  kind: string;
  aliases: string[];
  capacity: string | null;
  stage: string | null;
  stageWords: string | null;
  stageYear: number | null;
  regions: string[];
  documents: number;
  timeline: Array<{
    year: number | null;
    period: [number, number] | null;
    date: string | null;
    stage: string | null;
    stageWords: string | null;
    modality: string;
    capacity: string | null;
    name: string;
    documentId: string;
    document: string;
    region: string | null;
    file: string;
    line: number;
    quote: string;
  }>;
}

/** Projects with their timelines; `name`: a piece of a name or an abbreviation (抽蓄); `id`: one project. */
export async function readProjects(store: Store, filter: { name?: string; id?: string } = {}): Promise<ProjectView[]> {
  let q = store.selectFrom('projects').selectAll();
  if (filter.id) q = q.where('id', '=', filter.id);
  let rows = await q.orderBy('mentions', 'desc').orderBy('documents', 'desc').orderBy('core').execute();
  if (filter.name) {
    const wanted = [filter.name.trim(), coreOf(filter.name)].filter(Boolean);
    rows = rows.filter((r) => wanted.some((w) => r.core.includes(w) || (JSON.parse(r.aliases) as string[]).some((a) => a.includes(w))));
  }
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  let mq = store
    .selectFrom('project_mentions')
    .innerJoin('documents', 'documents.id', 'project_mentions.document_id')
    .select(['project_mentions.project_id', 'project_mentions.seq', 'project_mentions.year', 'project_mentions.year_end', 'project_mentions.date', 'project_mentions.stage', 'project_mentions.stage_words', 'project_mentions.modality', 'project_mentions.capacity', 'project_mentions.name', 'project_mentions.document_id', 'project_mentions.line', 'project_mentions.quote', 'documents.title', 'documents.region', 'documents.file'])
    .orderBy('project_mentions.project_id')
    .orderBy('project_mentions.seq');
  if (filter.id || filter.name) mq = mq.where('project_mentions.project_id', 'in', ids);
  const ms = await mq.execute();
  return rows.map((r) => ({
    id: r.id,
    core: r.core,
    kind: r.kind,
    aliases: JSON.parse(r.aliases),
    capacity: r.capacity,
    stage: r.stage,
    stageWords: r.stage_words,
    stageYear: r.stage_year,
    regions: JSON.parse(r.regions),
    documents: r.documents,
    timeline: ms
      .filter((m) => m.project_id === r.id)
      .map((m) => ({
        year: m.year,
        period: m.year !== null && m.year_end !== null ? [m.year, m.year_end] : null,
        date: m.date,
        stage: m.stage,
        stageWords: m.stage_words,
        modality: m.modality,
        capacity: m.capacity,
        name: m.name,
        documentId: m.document_id,
        document: m.title,
        region: m.region,
        file: m.file,
        line: m.line,
        quote: m.quote,
      })),
  }));
}
