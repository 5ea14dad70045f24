// Metadata of one document: title, 发文字号, issuer, addressees, date, 文种, region and level, the
// approving meeting, attachments. Read from the cover of an official document, or from the head of a
// work report or plan.
import type { Attachment, DocumentRecord } from '../model/records.js';
import type { Block, RepairedLine } from '../repair/index.js';
import { vocab } from '../vocab/load.js';
import type { DocSlice } from './bundle.js';
import { DATE_LINE, DOC_NUMBER_LINE, ORG_LINE, isoDate, normalizeDocNumber } from './patterns.js';
import { COVER_TITLE } from './cover.js';
import { levelFromSuffix, mostNamedRegion, regionAtStart, regionByName } from './regions.js';

type Meta = Omit<DocumentRecord, 'file' | 'lines' | 'sections' | 'tables'>;

const text = (l: RepairedLine | undefined) => l?.text.text ?? '';
const HEAD_LINES = 12;

function docTypes(): string[] {
  return [...vocab<{ types: string[] }>('doc-types').types].sort((a, b) => b.length - a.length);
}

export function typeOfTitle(title: string): string | undefined {
  return docTypes().find((t) => title.endsWith(t));
}

export function readMetadata(doc: DocSlice): Meta {
  const lines = doc.lines;
  const meta: Meta = doc.coverEnd >= 0 ? fromCover(lines, doc.coverEnd) : fromHead(lines);
  const all = lines.map(text).join('\n');
  meta.meeting ??= meeting(all);
  const region =
    (meta.issuer && regionAtStart(meta.issuer)) || (meta.meeting && regionAtStart(meta.meeting)) || regionAtStart(meta.title) || mostNamedRegion(all);
  if (region) {
    meta.region = shortName(region.name, region.aliases);
    meta.level = region.level === 'national' ? undefined : region.level;
  } else if (meta.issuer) {
    const m = /^(.{2,10}?(?:省|自治区|州|市|县|区|旗))/.exec(meta.issuer);
    if (m) {
      meta.region = m[1];
      meta.level = levelFromSuffix(m[1]);
    }
  }
  if (!meta.issuer && meta.region && (meta.type === '政府工作报告' || isPlanType(meta.type))) {
    meta.issuer = `${regionByName(meta.region)?.name ?? meta.region}人民政府`;
  }
  return meta;
}

/** The name a region goes by in documents: the short alias ending like the name's level word (海西州). */
function shortName(name: string, aliases: string[] = []): string {
  const short = aliases.find((a) => /(州|盟)$/.test(a) && name.endsWith('自治州'));
  return short ?? name;
}

const isPlanType = (t?: string) => !!t && vocab<{ plans: string[] }>('doc-types').plans.includes(t);

function fromCover(lines: RepairedLine[], coverEnd: number): Meta {
  let t = 0;
  while (t < coverEnd && !(COVER_TITLE.test(text(lines[t])) && !/[。，；]/.test(text(lines[t])))) t++;
  const m = COVER_TITLE.exec(text(lines[t])) ?? [];
  const prev = text(lines[t - 1]);
  const issuer = m[1] ?? (ORG_LINE.test(prev) ? prev : signatureBefore(lines, coverEnd));
  // the title runs on over wrapped lines until the 发文字号, the addressees or the body
  let title = m[2] ?? '';
  let j = t + 1;
  for (; j < coverEnd && j - t <= 4; j++) {
    const s = text(lines[j]);
    if (DOC_NUMBER_LINE.test(s) || /[。，；：]/.test(s) || DATE_LINE.test(s) || ORG_LINE.test(s)) break;
    title += s;
  }
  let k = Math.max(0, t - 3);
  while (k < Math.min(coverEnd, t + 8) && !DOC_NUMBER_LINE.test(text(lines[k]))) k++;
  const docNumber = normalizeDocNumber(text(lines[k]) ?? '');
  const addressees: string[] = [];
  const after = Math.max(j, DOC_NUMBER_LINE.test(text(lines[k])) ? k + 1 : j);
  const next = text(lines[after]) + (text(lines[after]).endsWith('：') ? '' : text(lines[after + 1]));
  if (/：$/.test(next) && !/[。]/.test(next)) addressees.push(...next.replace(/：$/, '').split(/[，,]/).filter(Boolean));
  return {
    title,
    docNumber,
    issuer,
    addressees: addressees.length ? addressees : undefined,
    date: isoDate(text(lines[coverEnd])),
    type: typeOfTitle(title),
    attachments: [],
  };
}

/** The signing organisation: the line right before the cover's date. */
function signatureBefore(lines: RepairedLine[], coverEnd: number): string | undefined {
  const s = text(lines[coverEnd - 1]);
  return ORG_LINE.test(s) ? s : undefined;
}

/** A document without a cover: its title is the first line of the head ending in a 文种 (or a standalone title). */
function fromHead(lines: RepairedLine[]): Meta {
  const head = lines.slice(0, HEAD_LINES);
  let title = '';
  let at = -1;
  for (let k = 0; k < head.length && at < 0; k++) {
    const s = text(head[k]);
    if (s.length <= 60 && !/[。；]/.test(s) && typeOfTitle(s)) {
      title = s;
      at = k;
    }
  }
  if (at < 0) title = text(head[0]);
  const meta: Meta = { title, type: typeOfTitle(title), attachments: [] };
  // a speech: "——2025年2月15日在格尔木市第十五届人民代表大会第五次会议上"
  const after = head.slice(Math.max(0, at)).map(text);
  const dated = after.find((s) => /^——/.test(s) && isoDate(s)) ?? after.find((s) => DATE_LINE.test(s));
  if (dated) meta.date = isoDate(dated);
  const m = dated && /在(.+?会议)上/.exec(dated);
  if (m) meta.meeting = m[1];
  const org = after.map((s) => /^(.{2,20}?人民政府)(?:省长|市长|州长|县长|区长|副|代|$)/.exec(s)?.[1]).find(Boolean);
  if (org) meta.issuer = org;
  return meta;
}

/** The meeting that approved the document: "经市十五届人民政府第64次常务会议审议同意". */
function meeting(all: string): string | undefined {
  const m = /(?:经|已经)([\u4e00-\u9fa5\d]{2,30}?第[\d一二三四五六七八九十百]+次(?:常务|全体)?会议)(?:审议|研究|讨论)/.exec(all);
  return m?.[1];
}

/** 附件: listed on the cover ("附件：1.…"), and standing as headings ("附件1" above its title). */
export function attachments(blocks: Block[]): Attachment[] {
  const out: Attachment[] = [];
  blocks.forEach((b, k) => {
    const m = /^附件\s*(\d*)[：:]?\s*(.*)$/.exec(b.text);
    if (!m || b.row) return;
    const label = `附件${m[1]}`;
    let title = m[2].replace(/^\d+[.．、]/, '') || undefined;
    const next = blocks[k + 1]?.text ?? '';
    if (!title && next && !/[。；]/.test(next) && next.length <= 60) title = next;
    if (title && /[。；]/.test(title)) return; // a sentence that mentions 附件, not an attachment
    if (!out.some((a) => a.label === label && a.title === title)) out.push({ label, title, line: b.line });
  });
  return out;
}
