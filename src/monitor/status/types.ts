// Input and output types of the status engine (pure: targets and observations in, judgements out).
// Shared record types come from the model; these are the engine's own.
import type { Comparator, Direction, Measure, StatusKind } from '../../model/records.js';

export type Attribute = '预期性' | '约束性';

/** How far a figure is from its source: 预计数 < 初步核算 (first) < 初步核实 (revised) < 最终核实 (final). */
export type Vintage = 'first' | 'revised' | 'final';

/** One observed value of an indicator (or the progress of a task). */
export interface Observation {
  year: number;
  value: number;
  /** A 预计数 (marked * in reports): judged, but the reason says it is an estimate. */
  estimate?: boolean;
  vintage?: Vintage;
  /** ISO date the figure was published; breaks ties between figures of the same vintage. */
  published?: string;
  /** ISO date the value refers to (task progress); yearly figures refer to the year's end. */
  date?: string;
  /** Reported only as a bound: "5.5以内" is ≤ 5.5. */
  bound?: 'lte' | 'lt' | 'gte' | 'gt';
}

interface TargetBase {
  indicatorId?: string;
  name: string; // 地区生产总值增长
  unit: string; // %, 万千瓦, 个百分点
  direction: Direction;
  attribute?: Attribute;
  region?: string;
}

/** A target for one year: 地区生产总值增长5%左右 (2025); ranges have `upper`. */
export interface AnnualTarget extends TargetBase {
  kind: 'annual';
  year: number;
  comparator: Comparator;
  value: number;
  upper?: number;
  measure?: Measure;
  /** Absolute half-width of the 左右 band, in the target's unit; overrides the defaults. */
  tolerance?: number;
}

/** A plan's target for its final year, judged by the trend from a baseline (Open SDG method). */
export interface MultiYearTarget extends TargetBase {
  kind: 'multiyear';
  year: number; // the target year, 2030
  value: number; // the target level, or the annual rate in % when `annualRate`
  comparator?: Comparator; // how "reached" is read; by default ≥ (higher) or ≤ (lower)
  baseline?: { year: number; value: number }; // else the observation of `baselineYear`
  baselineYear?: number;
  /** 年均增长6%: `value` is a signed average annual rate in %. */
  annualRate?: boolean;
  /** What the observations are for rate targets: levels (default) or yearly growth rates in %. */
  observed?: 'level' | 'growth';
  /** Force linear rates; CAGR is used when every value is positive. */
  method?: 'cagr' | 'linear';
}

/** A total over a period (十四五累计新增100万吨), judged against the share of time elapsed (序时进度). */
export interface CumulativeTarget extends TargetBase {
  kind: 'cumulative';
  startYear: number;
  year: number; // the last year of the period
  value: number;
  /** Observations are yearly amounts to add up (default) or running totals to date. */
  accumulate?: 'sum' | 'running';
}

/** A task with a start, a deadline and a percentage complete (observations: value = % done, date). */
export interface TaskTarget extends TargetBase {
  kind: 'task';
  start: string; // ISO date
  deadline: string; // ISO date
}

/** A target in words: 与经济增长同步, 正增长, 省州目标以内… (see wordings.ts). */
export interface WordedTarget extends TargetBase {
  kind: 'worded';
  year: number;
  /** For a whole plan period: years before `year` are judged on_track rather than achieved. */
  startYear?: number;
  wording: string;
  value?: number; // a range given with 合理区间
  upper?: number;
}

export type Target = AnnualTarget | MultiYearTarget | CumulativeTarget | TaskTarget | WordedTarget;

/** A target handed down by the higher level (省州), as a comparator and a value. */
export interface LevelTarget {
  comparator: Comparator;
  value: number;
  upper?: number;
  source?: string; // 省下达目标
}

export interface StatusContext {
  /** ISO date of the judgement; decides whether a year or a deadline is over. */
  asOf?: string;
  region?: string;
  /** GDP growth (%) of a region in a year, for 与经济增长同步. */
  gdpGrowth?: (region: string | undefined, year: number) => number | undefined;
  /** The higher level's target for a worded 以上级下达为准 target. */
  higherTarget?: (target: WordedTarget) => LevelTarget | undefined;
  /** Default 左右 bands: `rate` percentage points for % units (0.5), `relative` share for levels (0.05). */
  tolerance?: { rate?: number; relative?: number };
  /** Ratio thresholds: on_track ≥ onTrack (0.95), at_risk ≥ atRisk (0.6). */
  thresholds?: { onTrack?: number; atRisk?: number };
}

export type Method = 'annual' | 'cagr' | 'linear' | 'rate' | 'progress' | 'task' | 'worded';

export interface Assessment {
  status: StatusKind;
  reason: string; // in Chinese, with the numbers
  method: Method;
  /** observed ÷ required (trend), done share ÷ time share (序时进度). */
  ratio?: number;
  /** What the value should be now on the required path, or the target it was judged against. */
  expected?: number;
  /** ISO date the judgement rests on: the year end of the latest figure used, a progress date, or the context's date. */
  asOf: string;
  /** The figure judged, when there is one. */
  actual?: number;
  estimate?: boolean;
}
