// A generated country for the scale benchmark: real counties of the GB/T 2260 table (the gazetteer of
// structure/regions.ts), each with its 十四五 plan (targets for 2025, in prose and in an indicator table)
// and its work reports of 2021–2025 (each reviewing the year before and setting the year's targets),
// with wording and figures that vary from county to county.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRegions } from '../src/structure/regions.js';
import { workReport } from '../test/monitor/reports.js';

const YEARS = [2021, 2022, 2023, 2024, 2025];
/** A number in [0, 1) that stays the same for the same k. */
const rnd = (k: number) => ((Math.abs(k) * 2654435761) % 1000) / 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;

export const counties = () => allRegions().filter((r) => r.level === 'county' && /[县旗]$/.test(r.name));

export function countyPlan(region: string, i: number): string {
  const g = 5 + Math.round(rnd(i + 7) * 6) / 2;
  const u0 = round1(35 + rnd(i + 11) * 30);
  const f0 = round1(10 + rnd(i + 13) * 50);
  const gdp = round1(50 + rnd(i + 17) * 400);
  const lead = ['到2025年', '“十四五”时期末', '展望2025年'][i % 3];
  return [
    `${region}国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要`,
    `${region}人民政府`,
    '第一章 发展基础',
    `“十三五”时期，全${region.slice(-1)}地区生产总值达到${gdp}亿元，常住人口城镇化率达到${u0}%。`,
    '第二章 发展目标',
    `${lead}，地区生产总值年均增长${g}%左右，常住人口城镇化率达到${round1(u0 + 5)}%，森林覆盖率达到${round1(f0 + 2)}%，城镇调查失业率控制在5.5%以内。`,
    `表 2-1 ${region}“十四五”时期经济社会发展主要指标`,
    ['指标\t2020年\t2025年\t年均增长\t属性', `1.地区生产总值（亿元）\t${gdp}\t${round1(gdp * (1 + g / 100) ** 5)}\t${g}\t预期性`, `2.常住人口城镇化率（%）\t${u0}\t${round1(u0 + 5)}\t—\t预期性`, `3.森林覆盖率（%）\t${f0}\t${round1(f0 + 2)}\t—\t约束性`].join('\n'),
    '第三章 重点任务',
    `加快${region}现代产业体系建设，推进新型城镇化。`,
  ].join('\n\n');
}

export function countyReport(region: string, i: number, year: number): string {
  const spec = { region, year, actual: { gdpGrowth: round1(4 + rnd(i + year) * 3), unemployment: round1(3 + rnd(i * year)), jobs: 1000 + Math.round(rnd(i) * 5000) }, target: { gdpGrowth: 5 + Math.round(rnd(year - i) * 4) / 2, unemployment: 4 + (i % 3) / 2, jobs: 3000 + (i % 7) * 100 } };
  return workReport(spec).replace('人民代表大会', `第十七届人民代表大会`);
}

/** Writes `n` documents into `dir` — for each county its plan, then its five work reports — and returns the counties used. */
export function generateCountry(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  const used: string[] = [];
  let k = 0;
  for (const [i, c] of counties().entries()) {
    if (k >= n) break;
    used.push(c.name);
    writeFileSync(join(dir, `${String(k++).padStart(5, '0')}-${c.name}-十四五规划.txt`), countyPlan(c.name, i));
    for (const year of YEARS) if (k < n) writeFileSync(join(dir, `${String(k++).padStart(5, '0')}-${c.name}-${year}.txt`), countyReport(c.name, i, year));
  }
  return used;
}
