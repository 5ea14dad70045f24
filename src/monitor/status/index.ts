// The status engine: one entry point, `assess`, dispatching on the kind of target; pure functions throughout.
import type { Status } from '../../model/records.js';
import { assessAnnual } from './annual.js';
import { assessCumulative, assessTask } from './progress.js';
import { assessMultiYear } from './trend.js';
import type { Assessment, Observation, StatusContext, Target } from './types.js';
import { assessWorded } from './worded.js';

export function assess(target: Target, observations: readonly Observation[] = [], context: StatusContext = {}): Assessment {
  switch (target.kind) {
    case 'annual':
      return assessAnnual(target, observations, context);
    case 'multiyear':
      return assessMultiYear(target, observations, context);
    case 'cumulative':
      return assessCumulative(target, observations, context);
    case 'task':
      return assessTask(target, observations, context);
    case 'worded':
      return assessWorded(target, observations, context);
  }
}

/** The shared Status record of an assessment (year: the year the judgement rests on). */
export function toStatus(indicatorId: string, a: Assessment): Status {
  return { indicatorId, year: Number(a.asOf.slice(0, 4)), status: a.status, reason: a.reason };
}

export { assessAnnual, judgeValue, toleranceOf, describe } from './annual.js';
export { assessMultiYear, assessRate, cagr, baselineOf } from './trend.js';
export { assessCumulative, assessTask } from './progress.js';
export { assessWorded, NO_HIGHER_TARGET } from './worded.js';
export { WORDINGS, matchWording } from './wordings.js';
export type { Wording, WordingRule } from './wordings.js';
export { warningWeight, warnings } from './warnings.js';
export type { Warning, WarningInput } from './warnings.js';
export { latestPerYear, valueFor, latest } from './observations.js';
export type * from './types.js';
