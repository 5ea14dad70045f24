// Warnings: how much a status weighs, binding (约束性) indicators doubly; sorted most severe first.
import type { StatusKind } from '../../model/records.js';
import { VERDICT } from './format.js';
import type { Assessment, Attribute } from './types.js';

const SEVERITY: Record<StatusKind, number> = {
  missed: 3,
  off_track: 3,
  at_risk: 2,
  no_data: 1,
  not_assessable: 0.5,
  on_track: 0,
  achieved: 0,
};

/** Weight of a status in warnings: off_track 3, at_risk 2, no_data 1, not_assessable 0.5, else 0; ×2 when 约束性. */
export function warningWeight(status: StatusKind, attribute?: Attribute | string): number {
  return SEVERITY[status] * (attribute === '约束性' ? 2 : 1);
}

export interface WarningInput {
  name: string;
  indicatorId?: string;
  attribute?: Attribute | string;
  result: Pick<Assessment, 'status' | 'reason'>;
}

export interface Warning {
  name: string;
  indicatorId?: string;
  attribute?: string;
  status: StatusKind;
  weight: number;
  reason: string; // 【约束性·进度滞后】城镇登记失业率：…
}

/** The results that warrant a warning (weight > 0), most severe first; binding before expected at equal weight. */
export function warnings(results: readonly WarningInput[]): Warning[] {
  return results
    .map((r, i) => ({ r, i, weight: warningWeight(r.result.status, r.attribute) }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || Number(b.r.attribute === '约束性') - Number(a.r.attribute === '约束性') || a.i - b.i)
    .map(({ r, weight }) => ({
      name: r.name,
      indicatorId: r.indicatorId,
      attribute: r.attribute,
      status: r.result.status,
      weight,
      reason: `【${r.attribute ? `${r.attribute}·` : ''}${VERDICT[r.result.status]}】${r.name}：${r.result.reason}`,
    }));
}
