// The extraction layer: structured documents in, facts, tasks, projects and project mentions out. Pure: no I/O.
import type { StructuredFile } from '../structure/index.js';
import { docKind } from './facts/context.js';
import { extractFacts } from './facts/index.js';
import { keyTasks } from './keytasks.js';
import { findMentions } from './mentions.js';
import { extractProjects } from './projects.js';
import { extractTasks } from './tasks/index.js';

/** Adds facts, tasks and projects to every document of a structured file (in place) and returns it. */
export function extract(file: StructuredFile): StructuredFile {
  for (const d of file.documents) {
    const r = d.record;
    r.facts = extractFacts(r, d.blocks, file.index);
    const assigned = extractTasks(d.blocks, file.index, { date: r.date }).map((t) => ({ kind: 'assigned' as const, ...t }));
    r.tasks = docKind(r) === 'plan' ? [...assigned, ...keyTasks(r.sections)] : assigned;
    r.projects = extractProjects(r, d.blocks, file.index);
    r.mentions = findMentions(r, d.blocks, file.index);
  }
  return file;
}
