// The 公文 form of reports (vocab/report-form.json): the font of each role with its fallbacks, sizes,
// margins, line pitch, and the verdict (达到 / 基本达到 / 滞后 …) a report gives for each status.
import type { StatusKind } from '../model/records.js';
import { vocab } from '../vocab/load.js';

export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'latin';

interface FormVocab {
  fonts: Record<FontRole, string[]>;
  sizes: Record<'title' | 'body' | 'heading1' | 'heading2' | 'table' | 'caption' | 'footer', number>;
  margins: Record<'top' | 'bottom' | 'left' | 'right', number>;
  lineSpacing: number;
  verdicts: Record<StatusKind, string>;
}

export const FORM: FormVocab = vocab<FormVocab>('report-form');

/** The first (wanted) font of a role. */
export const fontOf = (role: FontRole): string => FORM.fonts[role][0];

/** A CSS font-family list of a role: the wanted font, then its fallbacks, then the generic family. */
export const cssFonts = (role: FontRole): string =>
  [...FORM.fonts[role], ...(role === 'heading1' ? [] : FORM.fonts.latin)].map((f) => `"${f}"`).join(', ') + (role === 'heading1' ? ', sans-serif' : ', serif');

/** The verdict of an evaluation for a status: 达到, 基本达到, 滞后, 未达到, 无法评价, 暂无数据. */
export const verdictOf = (s: StatusKind): string => FORM.verdicts[s] ?? s;

export const mmToTwips = (mm: number): number => Math.round((mm / 25.4) * 1440);
