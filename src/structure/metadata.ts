// Metadata of one document: title, 发文字号, issuer, addressees, date, 文种, region and level, the
// approving meeting, attachments. Read from the cover of an official document, or from the head of a
// work report or plan.
import type { Attachment, DocumentRecord } from '../model/records.js';
import type { Block, RepairedLine } from '../repair/index.js';
import { vocab } from '../vocab/load.js';
import type { DocSlice } from './bundle.js';
import { DATE_LINE, DOC_NUMBER_LINE, ORG_LINE, isoDate, normalizeDocNumber } from './patterns.js';
import { COVER_TITLE } from './cover.js';
import { displayName, levelFromSuffix, ownRegion, regionByName } from './regions.js';
import { headLines, inferRegion, speechLine } from './region-infer.js';

type Meta = Omit<DocumentRecord, 'file' | 'lines' | 'sections' | 'tables'>;

/** A line's text without the marks of bold runs. */
const text = (l: RepairedLine | undefined) => (l?.text.text ?? '').replace(/[\uE000\uE001]/g, '');
const HEAD_LINES = 12;

function docTypes(): string[] {
  return [...vocab<{ types: string[] }>('doc-types').types].sort((a, b) => b.length - a.length);
}

/** What may stand after the 文种 in a title: a year, 草案, 摘要, 全文 (in brackets or not). */
const AFTER_TYPE = /(?:[（(【〔\[]\s*(?:\d{4}年?(?:度)?|[〇零一二三四五六七八九]{4}年?|草案|摘要|全文|节选|修订稿|征求意见稿|送审稿|讨论稿)\s*[）)】〕\]]|草案|摘要|全文|\s+)$/;

export function typeOfTitle(title: string): string | undefined {
  let t = title.trim();
  for (let k = 0; k < 3 && AFTER_TYPE.test(t); k++) t = t.replace(AFTER_TYPE, '');
  return docTypes().find((ty) => t.endsWith(ty));
}

export function readMetadata(doc: DocSlice): Meta {
  const lines = doc.lines;
  const meta: Meta = doc.coverEnd >= 0 ? fromCover(lines, doc.coverEnd) : fromHead(lines);
  const all = lines.map(text).join('\n');
  meta.meeting ??= meeting(all);
  const found = inferRegion({ issuer: meta.issuer, meeting: meta.meeting, title: meta.title, head: lines.slice(0, HEAD_LINES).map(text), all });
  if (found) {
    const region = ownRegion(found);
    meta.region = displayName(region);
    if (region.code) meta.regionCode = region.code;
    meta.level = region.level;
  } else if (meta.issuer) {
    const m = /^(.{2,10}?(?:省|自治区|州|市|县|区|旗))/.exec(meta.issuer);
    if (m) {
      meta.region = m[1];
      meta.level = levelFromSuffix(m[1]);
    }
  }
  if (!meta.issuer && meta.region && (meta.type === '政府工作报告' || isPlanType(meta.type))) {
    meta.issuer = meta.level === 'national' ? '国务院' : `${regionByName(meta.region)?.name ?? meta.region}人民政府`;
  }
  return meta;
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
  const head = headLines(lines.slice(0, HEAD_LINES).map(text));
  let title = '';
  let at = -1;
  for (let k = 0; k < head.length && at < 0; k++) {
    const s = head[k].split(/(?:来源|稿源)[：:]/)[0];
    if (s.length <= 60 && !/[。；]/.test(s) && typeOfTitle(s)) {
      title = s;
      at = k;
    }
  }
  if (at < 0) title = head[0];
  const meta: Meta = { title, type: typeOfTitle(title), attachments: [] };
  // a speech: "——2025年2月15日在格尔木市第十五届人民代表大会第五次会议上", with or without the dash
  const after = head.slice(Math.max(0, at));
  const speech = speechLine(after);
  const dated = speech ? undefined : (after.find((s) => /^——/.test(s) && isoDate(s)) ?? after.find((s) => DATE_LINE.test(s)));
  meta.date = speech?.date ?? (dated ? isoDate(dated) : undefined);
  if (speech?.meeting) meta.meeting = speech.meeting;
  if (!meta.date) delete meta.date;
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
