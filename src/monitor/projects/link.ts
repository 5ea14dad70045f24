// Following projects across documents: the mentions of every document (src/extract/mentions.ts)
// grouped by core name into projects, each with its timeline in order — by the year a mention speaks
// of, within a year what was planned before what was reported, then by the document's date — its
// aliases, capacity and stage now. Pure.
import { createHash } from 'node:crypto';
import type { ProjectMention } from '../../model/records.js';

export interface SourcedMention extends ProjectMention {
  documentId: string;
  file: string;
  title: string;
  date?: string | null;
  region?: string | null;
}

export interface LinkedProject {
  id: string;
  core: string;
  kind: string;
  aliases: string[];
  capacity?: string;
  /** The stage now: what the latest review reported, else the latest plan's intention. */
  stage?: { stage: string; words: string; year?: number; modality: string };
  regions: string[];
  documents: number;
  timeline: SourcedMention[];
}

export const projectId = (core: string): string => createHash('sha256').update(core).digest('hex').slice(0, 12);

/** Timeline order: year, planned before actual, the document's date, file and line. */
export function byTimeline(a: SourcedMention, b: SourcedMention): number {
  return (
    (a.year ?? 9999) - (b.year ?? 9999) ||
    (a.modality === b.modality ? 0 : a.modality === 'planned' ? -1 : 1) ||
    (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
    a.file.localeCompare(b.file) ||
    a.line - b.line
  );
}

/** A plain 电站 is the one station of the same name whose kind says more (雅下电站 = 雅下水电站). */
function sameStation(mentions: SourcedMention[]): Map<string, string> {
  const specific = new Map<string, string[]>();
  for (const m of mentions) {
    if (m.kind === '电站' || !m.kind.endsWith('电站')) continue;
    const proper = m.core.slice(0, -m.kind.length);
    const list = specific.get(proper) ?? [];
    if (!list.includes(m.core)) specific.set(proper, [...list, m.core]);
  }
  const out = new Map<string, string>();
  for (const [proper, cores] of specific) if (cores.length === 1) out.set(`${proper}电站`, cores[0]);
  return out;
}

export function linkProjects(mentions: SourcedMention[]): LinkedProject[] {
  const same = sameStation(mentions);
  const groups = new Map<string, SourcedMention[]>();
  for (const m of mentions) {
    const core = same.get(m.core) ?? m.core;
    if (!groups.has(core)) groups.set(core, []);
    groups.get(core)!.push(m);
  }
  const out: LinkedProject[] = [];
  for (const [core, list] of groups) {
    const timeline = [...list].sort(byTimeline);
    const staged = timeline.filter((m) => m.stage);
    const now = staged.filter((m) => m.modality === 'actual').pop() ?? staged.pop();
    const p: LinkedProject = {
      id: projectId(core),
      core,
      kind: timeline.find((m) => m.core === core)?.kind ?? timeline[0].kind,
      aliases: [...new Set(timeline.map((m) => m.name))].filter((n) => n !== core),
      regions: [...new Set(timeline.map((m) => m.region).filter((r): r is string => !!r))],
      documents: new Set(timeline.map((m) => m.documentId)).size,
      timeline,
    };
    const capacity = timeline.filter((m) => m.capacity).pop()?.capacity;
    if (capacity) p.capacity = capacity;
    if (now) p.stage = { stage: now.stage!, words: now.stageWords ?? now.stage!, year: now.year, modality: now.modality };
    out.push(p);
  }
  return out.sort((a, b) => b.timeline.length - a.timeline.length || b.documents - a.documents || a.core.localeCompare(b.core));
}
