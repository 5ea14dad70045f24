// Evidence files: only pdf, docx, xlsx, jpg and png, at most 10 MB, the extension AND the file's own
// bytes must agree; stored under the app's upload directory with a random name (the user's file name
// is kept for display only, never used as a path).
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { t, ts, type Lang } from '../../../web/i18n.js';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export const EVIDENCE_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

const starts = (b: Buffer, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The type the bytes show (a docx or xlsx is a ZIP holding word/ or xl/ parts), if an allowed one. */
export function sniff(b: Buffer): EvidenceType | undefined {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (starts(b, [0xff, 0xd8, 0xff])) return 'jpg';
  if (starts(b, ZIP) && b.includes('[Content_Types].xml')) {
    if (b.includes('word/')) return 'docx';
    if (b.includes('xl/')) return 'xlsx';
  }
  return undefined;
}

/** The allowed type a file name declares (jpeg counts as jpg). */
export function declaredType(name: string): EvidenceType | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1].toLowerCase();
  const e = ext === 'jpeg' ? 'jpg' : ext;
  return e && e in EVIDENCE_TYPES ? (e as EvidenceType) : undefined;
}

/** A user's file name made safe to show and to put in a header: no path, no control characters. */
export function displayName(name: string): string {
  return basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"<>]/g, '').slice(-200) || 'evidence';
}

/** A file refused: its message in Chinese, and in the page's language by say(). */
export class UploadError extends Error {
  constructor(
    private readonly template: string,
    private readonly vars: Record<string, string>,
  ) {
    super(ts(template, 'zh', vars));
  }
  say(lang: Lang): string {
    return ts(this.template, lang, Object.fromEntries(Object.entries(this.vars).map(([k, v]) => [k, t(v, lang)])));
  }
}

/** Checks an uploaded file (its declared name and its bytes) and returns its type, or throws. */
export function checkEvidence(name: string, bytes: Buffer, what = '证明材料'): EvidenceType {
  if (bytes.length > MAX_EVIDENCE_BYTES) throw new UploadError('{what}不能超过 10 MB', { what });
  const declared = declaredType(name);
  if (!declared) throw new UploadError('{what}只接受 pdf、docx、xlsx、jpg、png 文件', { what });
  const actual = sniff(bytes);
  if (actual !== declared) throw new UploadError('文件内容与扩展名 .{type} 不符，已拒绝', { type: declared });
  return declared;
}

/** Writes checked evidence under `dir` with a random name; returns that name (relative to `dir`). */
export async function storeEvidence(dir: string, type: EvidenceType, bytes: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = `${randomBytes(16).toString('hex')}.${type}`;
  await writeFile(join(dir, file), bytes, { flag: 'wx', mode: 0o640 });
  return file;
}

/** The path of a stored evidence file, only if its name is one this module made. */
export function evidencePath(dir: string, file: string): { path: string; type: EvidenceType } | undefined {
  const m = /^[0-9a-f]{32}\.(pdf|docx|xlsx|jpg|png)$/.exec(file);
  return m ? { path: join(dir, file), type: m[1] as EvidenceType } : undefined;
}

// The app collects multipart fields with `attachFieldsToBody: 'keyValues'`, which keeps a file's bytes
// but drops its name; this route hook notes the name of each uploaded file as the parts go by.
const uploaded = new WeakMap<FastifyRequest, { field: string; filename: string }>();

// (An onRequest hook: whether the body is multipart is only known later, when it is parsed.)
export function noteFileNames(req: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  const parts = req.parts.bind(req);
  (req as unknown as { parts: typeof parts }).parts = async function* (opts?: Parameters<typeof parts>[0]) {
    for await (const part of parts(opts)) {
      if (part.type === 'file') uploaded.set(req, { field: part.fieldname, filename: part.filename });
      yield part;
    }
  } as typeof parts;
  done();
}

/** The uploaded file of a field: its name and bytes (undefined when no file was chosen). */
export function fileOf(req: FastifyRequest, field: string): { name: string; bytes: Buffer } | undefined {
  const bytes = (req.body as Record<string, unknown> | undefined)?.[field];
  if (!Buffer.isBuffer(bytes)) return undefined;
  const info = uploaded.get(req);
  const name = info?.field === field ? (info.filename ?? '') : ''; // no name: refused by checkEvidence
  if (!name && bytes.length === 0) return undefined; // a file input left empty
  return { name, bytes };
}
