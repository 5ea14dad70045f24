// How a project's time and stage are said, the same on the CLI and the web: 2024, 2026–2030;
// 现阶段：全面施工（2024年） when a review reported it, 计划：加快建设 when only plans name it.
import type { ProjectView } from './store.js';

type Entry = ProjectView['timeline'][number];

/** The time a mention speaks of: 2024, 2026–2030, else the document's date. */
export const whenOf = (m: Pick<Entry, 'year' | 'period' | 'date'>): string =>
  m.period ? `${m.period[0]}–${m.period[1]}` : m.year ? `${m.year}` : (m.date ?? '—');

/** The stage now: reported (现阶段) or only planned (计划), with its year. */
export function stageText(p: Pick<ProjectView, 'stageWords' | 'stageYear' | 'timeline'>): string {
  if (!p.stageWords) return '阶段未知';
  const reported = p.timeline.some((m) => m.modality === 'actual' && m.stageWords);
  return `${reported ? '现阶段' : '计划'}：${p.stageWords}${p.stageYear ? `（${p.stageYear}年）` : ''}`;
}

export const MODALITY_LABEL: Record<string, string> = { actual: '已报告', planned: '计划' };
