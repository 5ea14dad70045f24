// Region and level of a document, from the strongest evidence that names one: the issuer, the meeting
// line (在…省第十四届人民代表大会第三次会议上; 在第十一届全国人民代表大会… → national), the title, the speaker
// line (国务院总理 温家宝 → national; 甘肃省省长 任振鹤), and only then the region the text names most — so a
// neighbouring region named often never wins over the head. A "来源：…日报" line names a newspaper: it is
// neither the issuer nor a region. Also the speech subtitle's date and meeting.
import { isoDate } from './patterns.js';
import { inside, mostNamedRegion, parentOf, regionAtStart, regionByName, regionsIn, regionsNamed, type Region } from './regions.js';

export interface RegionEvidence {
  issuer?: string;
  meeting?: string;
  title: string;
  head: string[]; // the first lines of the document
  all: string; // the whole text
}

const SOURCE = /^(?:来源|稿源|转自|信息来源)[：:]/;
const CN = '〇零一二三四五六七八九十';
const SPEECH_DATE = new RegExp(`(?:\\d{4}|[${CN}]{4})年(?:\\d{1,2}|[${CN}]{1,3})月(?:\\d{1,2}|[${CN}]{1,3})日`);
const AT_MEETING = /在([^，。；在]{2,40}?会议)(?:上|的|$)/;
/** 国务院总理 温家宝; 省长 王予波; 甘肃省省长 任振鹤; 自治区主席 艾尔肯·吐尼亚孜 */
const SPEAKER = /^(.{0,16}?)(?:人民政府)?(?:代理|代)?(总理|省长|市长|州长|县长|区长|旗长|盟长|主席)[\s\u3000]*[\u4e00-\u9fa5·•]{2,12}$/;

/** Head lines without their newspaper source ("来源：北京日报2025年1月14日在…" keeps what follows the paper). */
export function headLines(lines: string[]): string[] {
  return lines.map((s) => (SOURCE.test(s) ? s.replace(/^[^：:]*[：:][^\d〇零一二三四五六七八九]*?(?=(?:\d{4}|[〇零一二三四五六七八九]{4})年|$)/, '') : s));
}

/** The speech subtitle: "——2009年3月5日在第十一届全国人民代表大会第二次会议上" (with or without the dash). */
export function speechLine(head: string[]): { date?: string; meeting?: string } | undefined {
  for (const s of headLines(head)) {
    const d = SPEECH_DATE.exec(s);
    const m = d && AT_MEETING.exec(s.slice(d.index));
    if (d && m) return { date: isoDate(s.slice(d.index)), meeting: m[1] };
  }
  return undefined;
}

/** The region a speaker line names ("国务院总理" → national, "甘肃省省长" → 甘肃省; "省长 王予波" names none). */
function speaker(head: string[]): Region | undefined {
  for (const s of head) {
    const m = SPEAKER.exec(s.trim());
    if (m) return regionsIn(m[1])[0]?.region ?? (m[2] === '总理' ? regionAtStart('国务院') : undefined);
  }
  return undefined;
}

/** The first region a text names (the innermost of a chain: 北京市朝阳区 → 朝阳区), the national level only when it names no other. */
function named(text: string | undefined): Region | undefined {
  if (!text) return undefined;
  const found = regionsIn(text);
  const k = found.findIndex((f) => f.region.level !== 'national');
  if (k < 0) return found[0]?.region;
  let r = found[k].region;
  for (let j = k + 1; j < found.length && found[j].at === found[j - 1].at + found[j - 1].name.length; j++) {
    const next = regionByName(found[j].name, r);
    if (!next || next === r || !inside(next, r)) break;
    r = next;
  }
  return r;
}

export function inferRegion(e: RegionEvidence): Region | undefined {
  const speech = speechLine(e.head);
  const fromIssuer = e.issuer && !SOURCE.test(e.issuer) ? regionAtStart(e.issuer) : undefined;
  const head = fromIssuer ?? named(e.meeting ?? speech?.meeting) ?? named(e.title) ?? speaker(e.head);
  // only a text whose head names no region is judged by the region it names most
  return head ? disambiguate(head, e.all) : mostNamedRegion(e.all);
}

/** Of the regions sharing `r`'s name (鼓楼区 of 南京, 福州, 徐州, 开封), the one whose higher regions `text` names most. */
function disambiguate(r: Region, text: string): Region {
  const same = regionsNamed(r.name);
  if (same.length < 2) return r;
  const counts = new Map<Region, number>();
  for (const { region } of regionsIn(text)) counts.set(region, (counts.get(region) ?? 0) + 1);
  const score = (x: Region) => {
    let n = 0;
    for (let p = parentOf(x), k = 0; p && k < 4; p = parentOf(p), k++) n += counts.get(p) ?? 0;
    return n;
  };
  return same.reduce((best, x) => (score(x) > score(best) ? x : best), r);
}
