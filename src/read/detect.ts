// Format sniffing by content (magic bytes), not by file extension.

export type Sniffed =
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'text' } // a candidate: still to be decoded and checked for binary content
  | { kind: 'unknown'; what: string };

const ascii = (buf: Uint8Array, at: number, s: string): boolean => {
  if (buf.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (buf[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

const bytes = (buf: Uint8Array, sig: number[]): boolean =>
  buf.length >= sig.length && sig.every((b, i) => buf[i] === b);

/** Known non-document signatures, named for the error message. */
const SIGNATURES: Array<[test: (b: Uint8Array) => boolean, what: string]> = [
  [(b) => bytes(b, [0x89, 0x50, 0x4e, 0x47]), 'PNG image'],
  [(b) => bytes(b, [0xff, 0xd8, 0xff]), 'JPEG image'],
  [(b) => ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a'), 'GIF image'],
  [(b) => bytes(b, [0x49, 0x49, 0x2a, 0x00]) || bytes(b, [0x4d, 0x4d, 0x00, 0x2a]), 'TIFF image'],
  [(b) => ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP'), 'WebP image'],
  [(b) => bytes(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'legacy .doc/.xls (OLE compound file); save it as .docx'],
  [(b) => bytes(b, [0x1f, 0x8b]), 'gzip archive'],
  [(b) => ascii(b, 0, 'Rar!'), 'RAR archive'],
  [(b) => bytes(b, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), '7z archive'],
  [(b) => ascii(b, 0, '{\\rtf'), 'RTF document; save it as .docx'],
];

export function sniff(buf: Uint8Array): Sniffed {
  // The PDF header may be preceded by junk (readers tolerate it within the first 1024 bytes);
  // then also ask for the %%EOF trailer, so a text that merely quotes "%PDF-" stays text.
  const header = indexOf(buf.subarray(0, 1024), '%PDF-');
  if (header === 0 || (header > 0 && indexOf(buf.subarray(Math.max(0, buf.length - 2048)), '%%EOF') >= 0)) {
    return { kind: 'pdf' };
  }
  if (bytes(buf, [0x50, 0x4b, 0x03, 0x04]) || bytes(buf, [0x50, 0x4b, 0x05, 0x06])) {
    // Entry names are stored uncompressed in local headers and the central directory.
    if (indexOf(buf, 'word/document.xml') >= 0) return { kind: 'docx' };
    if (indexOf(buf, 'xl/workbook.xml') >= 0) return { kind: 'unknown', what: 'XLSX spreadsheet' };
    if (indexOf(buf, 'ppt/presentation.xml') >= 0) return { kind: 'unknown', what: 'PPTX presentation' };
    return { kind: 'unknown', what: 'ZIP archive that is not a DOCX (no word/document.xml)' };
  }
  for (const [test, what] of SIGNATURES) if (test(buf)) return { kind: 'unknown', what };
  return { kind: 'text' };
}

function indexOf(buf: Uint8Array, s: string): number {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).indexOf(s, 0, 'latin1');
}
