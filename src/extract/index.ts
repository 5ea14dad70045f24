// The extraction layer: structured documents in, facts, tasks, projects and project mentions out, with the
// messages of what could not be read. Pure: no I/O.
import type { LineIndex } from '../repair/index.js';
import type { FileDocuments, StructuredDocument, StructuredFile } from '../structure/index.js';
import { docKind } from './facts/context.js';
import { extractFacts } from './facts/index.js';
import { keyTasks } from './keytasks.js';
import { factMessages, projectMessages, taskMessages, unknownUnits } from './messages.js';
import { byPlace } from '../structure/messages.js';
import { withTaskSpans } from './task-spans.js';
import { findMentions } from './mentions.js';
import { extractProjects } from './projects.js';
import { extractTasks } from './tasks/index.js';

/** Adds facts, tasks and projects to every document of a structured file (in place) and returns it. */
export function extract(file: StructuredFile): StructuredFile {
  for (const d of file.documents) extractDocument(d, file.index);
  return file;
}

/** The file with each document extracted as it is asked for (see structureEach): one document's data at a time. */
export function extractEach(file: FileDocuments): FileDocuments {
  return { ...file, documents: map(file.documents, (d) => extractDocument(d, file.index)) };
}

function* map<T>(items: Iterable<T>, fn: (item: T) => T): Generator<T> {
  for (const item of items) yield fn(item);
}

/** Adds facts, tasks and projects to a structured document (in place) and returns it. */
export function extractDocument(d: StructuredDocument, index: LineIndex): StructuredDocument {
  const r = d.record;
  r.facts = extractFacts(r, d.blocks, index);
  const assigned = extractTasks(d.blocks, index, { date: r.date }).map((t) => ({ kind: 'assigned' as const, ...t }));
  r.tasks = withTaskSpans(docKind(r) === 'plan' ? [...assigned, ...keyTasks(r.sections)] : assigned, d.blocks, index);
  r.projects = extractProjects(r, d.blocks, index);
  r.mentions = findMentions(r, d.blocks, index);
  const found = [...unknownUnits(r.file, d.blocks, index), ...factMessages(r.file, r.facts), ...taskMessages(r.file, r.tasks), ...projectMessages(r, r.projects)];
  r.messages = byPlace([...(r.messages ?? []), ...found]);
  return d;
}
