// A generated country for the scale benchmark: the real county-level regions of the GB/T 2260 table (the
// gazetteer of structure/regions.ts: counties, banners, county-level cities and districts whose names are
// unique, about 2,950), each with its 十四五 plan (targets for 2025, in prose and in an indicator table) and
// its work reports of 2021–2025 (each reviewing the year before and setting the year's targets), then —
// for a country of more documents than that — its 十三五 plan and work reports of 2016–2020: ten years,
// with wording and figures that vary from county to county.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRegions } from '../src/structure/regions.js';
import { workReport } from '../test/monitor/reports.js';

/** The two plan periods: the later one first (a small country is the recent five years of its first counties). */
const PERIODS = [
  { plan: '十四五', number: '十四', base: 2020, end: 2025, before: '十三五', years: [2021, 2022, 2023, 2024, 2025] },
  { plan: '十三五', number: '十三', base: 2015, end: 2020, before: '十二五', years: [2016, 2017, 2018, 2019, 2020] },
];
type Period = (typeof PERIODS)[number];
/** A number in [0, 1) that stays the same for the same k. */
const rnd = (k: number) => ((Math.abs(k) * 2654435761) % 1000) / 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** County-level regions whose names are unique among them (a title naming one names no other). */
export function counties() {
  const all = allRegions().filter((r) => r.level === 'county' && /[县旗市区]$/.test(r.name));
  const seen = new Map<string, number>();
  for (const r of all) seen.set(r.name, (seen.get(r.name) ?? 0) + 1);
  return all.filter((r) => seen.get(r.name) === 1);
}

export function countyPlan(region: string, i: number, p: Period = PERIODS[0]): string {
  const g = 5 + Math.round(rnd(i + 7) * 6) / 2;
  const u0 = round1(35 + rnd(i + 11) * 30);
  const f0 = round1(10 + rnd(i + 13) * 50);
  const gdp = round1(50 + rnd(i + 17) * 400);
  const lead = [`到${p.end}年`, `“${p.plan}”时期末`, `展望${p.end}年`][i % 3];
  return [
    `${region}国民经济和社会发展第${p.number}个五年规划${p.end === 2025 ? '和二〇三五年远景目标' : ''}纲要`,
    `${region}人民政府`,
    '第一章 发展基础',
    `“${p.before}”时期，全${region.slice(-1)}地区生产总值达到${gdp}亿元，常住人口城镇化率达到${u0}%。`,
    '第二章 发展目标',
    `${lead}，地区生产总值年均增长${g}%左右，常住人口城镇化率达到${round1(u0 + 5)}%，森林覆盖率达到${round1(f0 + 2)}%，城镇调查失业率控制在5.5%以内。`,
    `表 2-1 ${region}“${p.plan}”时期经济社会发展主要指标`,
    [`指标\t${p.base}年\t${p.end}年\t年均增长\t属性`, `1.地区生产总值（亿元）\t${gdp}\t${round1(gdp * (1 + g / 100) ** 5)}\t${g}\t预期性`, `2.常住人口城镇化率（%）\t${u0}\t${round1(u0 + 5)}\t—\t预期性`, `3.森林覆盖率（%）\t${f0}\t${round1(f0 + 2)}\t—\t约束性`].join('\n'),
    '第三章 重点任务',
    `加快${region}现代产业体系建设，推进新型城镇化。`,
  ].join('\n\n');
}

export function countyReport(region: string, i: number, year: number): string {
  const spec = { region, year, actual: { gdpGrowth: round1(4 + rnd(i + year) * 3), unemployment: round1(3 + rnd(i * year)), jobs: 1000 + Math.round(rnd(i) * 5000) }, target: { gdpGrowth: 5 + Math.round(rnd(year - i) * 4) / 2, unemployment: 4 + (i % 3) / 2, jobs: 3000 + (i % 7) * 100 } };
  return workReport(spec).replace('人民代表大会', `第十七届人民代表大会`);
}

/**
 * Writes `n` documents into `dir` — for each county its 十四五 plan and five work reports, then (when `n`
 * asks for more) for each its 十三五 plan and the five reports before — and returns the counties used.
 */
export function generateCountry(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  let k = 0;
  const write = (name: string, text: string) => writeFileSync(join(dir, `${String(k++).padStart(5, '0')}-${name}.txt`), text);
  for (const p of PERIODS)
    for (const [i, c] of counties().entries()) {
      if (k >= n) return [...used];
      used.add(c.name);
      write(`${c.name}-${p.plan}规划`, countyPlan(c.name, i, p));
      for (const year of p.years) if (k < n) write(`${c.name}-${year}`, countyReport(c.name, i, year));
    }
  return [...used];
}

/**
 * The k-th document more for a country of these counties, as a user adding a county's next report would:
 * a county not used yet (its reports from 2025 back), else the first one's reports from 2026 on.
 */
export function nextDocument(used: string[], k = 0): { name: string; text: string } {
  const all = counties();
  const i = all.findIndex((c) => !used.includes(c.name));
  return i >= 0 ? { name: all[i].name, text: countyReport(all[i].name, i, 2025 - k) } : { name: all[0].name, text: countyReport(all[0].name, 0, 2026 + k) };
}
