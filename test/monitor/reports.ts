// Work reports of the project's fictional regions (蓝湖市 in 云泽州 in 西岭省), written by the tests:
// each reviews last year with actuals and sets this year's targets.

export interface ReportSpec {
  region: string; // 蓝湖市, 云泽州
  year: number; // the year of the report; it reviews year-1
  actual: { gdpGrowth: number; unemployment: number; jobs: number };
  target: { gdpGrowth: number; unemployment: number; jobs: number };
}

export function workReport(r: ReportSpec): string {
  const prev = r.year - 1;
  return [
    '政 府 工 作 报 告',
    `——${r.year}年1月20日在${r.region}人民代表大会第三次会议上`,
    '各位代表：',
    `一、${prev}年工作回顾`,
    `过去一年，全${r.region.slice(-1)}地区生产总值增长 ${r.actual.gdpGrowth}%，城镇新增就业 ${r.actual.jobs} 人，城镇登记失业率 ${r.actual.unemployment}%。`,
    `二、${r.year}年目标任务和重点工作`,
    `经济社会发展主要预期目标是：地区生产总值增长 ${r.target.gdpGrowth}%左右；城镇新增就业 ${r.target.jobs} 人以上，城镇登记失业率控制在 ${r.target.unemployment}%以内。`,
    '（一）聚焦项目建设，持续扩大有效投资。抓好重点项目。',
  ].join('\n\n');
}

/** A statistical bulletin that revises last year's GDP growth. */
export function bulletin(region: string, year: number, gdpGrowth: number): string {
  return [`${region}${year}年国民经济和社会发展统计公报`, `${region}统计局`, `${year + 1}年3月10日`, `初步核算，全年地区生产总值增长 ${gdpGrowth}%。`].join('\n\n');
}
