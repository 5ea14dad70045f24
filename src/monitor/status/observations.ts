// Choosing the figure to judge: one per year, the latest vintage; estimates give way to any reported figure.
import type { Observation, Vintage } from './types.js';

const RANK: Record<Vintage, number> = { first: 1, revised: 2, final: 3 };

/** Order of authority of two figures for the same year (positive: b supersedes a). */
function authority(o: Observation): number {
  return o.estimate ? 0 : RANK[o.vintage ?? 'first'];
}

/** The figure that stands for each year: latest vintage, then latest publication, then latest in the list. */
export function latestPerYear(observations: readonly Observation[]): Map<number, Observation> {
  const out = new Map<number, Observation>();
  for (const o of observations) {
    if (!Number.isFinite(o.value)) continue;
    const cur = out.get(o.year);
    if (!cur) {
      out.set(o.year, o);
      continue;
    }
    const d = authority(o) - authority(cur);
    if (d > 0 || (d === 0 && (o.published ?? '') >= (cur.published ?? ''))) out.set(o.year, o);
  }
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

/** The figure for one year, if any. */
export function valueFor(observations: readonly Observation[], year: number): Observation | undefined {
  return latestPerYear(observations).get(year);
}

/** The latest year's figure, optionally only years after `after` and up to `upTo`. */
export function latest(observations: readonly Observation[], after = -Infinity, upTo = Infinity): Observation | undefined {
  let best: Observation | undefined;
  for (const [y, o] of latestPerYear(observations)) if (y > after && y <= upTo) best = o;
  return best;
}

