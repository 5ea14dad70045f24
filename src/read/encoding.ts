// Decoding of plain-text files: UTF-8 (with or without BOM), else GB18030/GBK.
// Pure: bytes in, normalised text out. Line breaks become LF.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** Thrown by decodeText when the bytes are not a text document. */
export class DecodeError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DecodeError';
  }
}

export const BINARY_REASON = 'binary file, not a text document (二进制文件，不是文本文档)';

/** Decode a text file's bytes. Throws DecodeError for binary or undecodable content. */
export function decodeText(buf: Uint8Array): DecodedText {
  if (hasUtf16Bom(buf)) {
    throw new DecodeError(`${BINARY_REASON}; UTF-16 text is not supported, save it as UTF-8`);
  }
  if (buf.includes(0)) throw new DecodeError(BINARY_REASON);

  let decoded: DecodedText | undefined;
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = tryDecode('utf-8', buf.subarray(3));
    if (text === undefined) throw new DecodeError(`${BINARY_REASON}; invalid UTF-8 after the BOM`);
    decoded = { text, encoding: 'utf-8-bom' };
  } else {
    const utf8 = tryDecode('utf-8', buf);
    if (utf8 !== undefined) decoded = { text: utf8, encoding: 'utf-8' };
    else {
      const gb = tryDecode('gb18030', buf);
      if (gb !== undefined) decoded = { text: gb, encoding: 'gb18030' };
    }
  }
  if (!decoded) throw new DecodeError(`${BINARY_REASON}; not decodable as UTF-8 or GB18030`);
  if (looksBinary(decoded.text)) throw new DecodeError(BINARY_REASON);
  decoded.text = normaliseNewlines(decoded.text);
  return decoded;
}

/** CRLF and lone CR become LF. */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function tryDecode(label: 'utf-8' | 'gb18030', buf: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the caller handles the BOM itself; never strip silently twice.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

function hasUtf16Bom(buf: Uint8Array): boolean {
  return buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
}

/** Many C0/DEL control characters (other than tab, newlines, form feed) mean binary data. */
function looksBinary(text: string): boolean {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) || c === 0x7f) {
      controls++;
    }
  }
  return controls > 0 && controls / text.length > 0.01;
}
