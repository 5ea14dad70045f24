// `lantu projects [--json] [--name TEXT]`: the projects the documents name, each followed across
// documents and years — core name, aliases, capacity, stage now and the timeline of dated stages with
// their sources. --name takes a piece of a name or an abbreviation (抽蓄 = 抽水蓄能电站).
import { openStore } from '../store/db.js';
import { readProjects, type ProjectView } from '../monitor/projects/store.js';
import { MODALITY_LABEL, stageText, whenOf } from '../monitor/projects/format.js';
import { padDisplay } from './width.js';

function json(p: ProjectView) {
  return {
    id: p.id,
    name: p.core,
    core: p.core,
    kind: p.kind,
    aliases: p.aliases,
    capacity: p.capacity,
    stage: p.stageWords ?? p.stage,
    stageKind: p.stage,
    stageYear: p.stageYear,
    regions: p.regions,
    documents: p.documents,
    timeline: p.timeline.map((m) => ({
      year: m.year,
      ...(m.period ? { period: m.period } : {}),
      date: m.date,
      stage: m.stageWords ?? m.stage,
      stageKind: m.stage,
      modality: m.modality,
      capacity: m.capacity,
      name: m.name,
      file: m.file,
      document: m.document,
      region: m.region,
      documentId: m.documentId,
      line: m.line,
      quote: m.quote,
    })),
  };
}

function text(p: ProjectView): string {
  const head = `${p.core}${p.capacity ? `（${p.capacity}）` : ''} — ${stageText(p)}`;
  const aka = p.aliases.length ? `\n  又称：${p.aliases.join('、')}` : '';
  const lines = p.timeline.map(
    (m) => `  ${padDisplay(whenOf(m), 10)} ${padDisplay(m.stageWords ?? '—', 10)} ${padDisplay(`（${MODALITY_LABEL[m.modality] ?? m.modality}）`, 10)} ${m.file}:${m.line} ${m.quote}`,
  );
  return [head + aka, ...lines].join('\n');
}

export async function runProjects(opts: { json?: boolean; name?: string }): Promise<number> {
  const store = await openStore();
  try {
    const projects = await readProjects(store, { name: opts.name });
    if (opts.json) process.stdout.write(JSON.stringify({ projects: projects.map(json) }, null, 1) + '\n');
    else if (!projects.length) process.stdout.write(opts.name ? `no project named like "${opts.name}"\n` : 'no projects: ingest documents first\n');
    else process.stdout.write(projects.map(text).join('\n\n') + '\n');
    return 0;
  } finally {
    await store.destroy();
  }
}
