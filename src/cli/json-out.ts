// JSON written in pieces: what JSON.stringify(value) gives, byte for byte, but arrays and objects down to
// `depth` levels written an element or a field at a time, in chunks. One document of a DOCX of 100,000
// paragraphs holds 285,000 facts: as one string its JSON took the process of `lantu extract --json` to
// 760 MiB; written in pieces, memory stays that of the record.

/** Characters gathered before a chunk is handed to `write`. */
const CHUNK = 1 << 16;

/** A writer of chunks: `put` gathers text, `flush` hands what is gathered to `write`. */
export function chunked(write: (s: string) => void): { put: (s: string) => void; flush: () => void } {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length) write(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    put: (s) => {
      parts.push(s);
      size += s.length;
      if (size >= CHUNK) flush();
    },
    flush,
  };
}

/** Puts JSON.stringify(value) through `put`, arrays and plain objects `depth` levels down a piece at a time. */
export function putJson(put: (s: string) => void, value: unknown, depth = 2): void {
  const own = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
  if (depth <= 0 || !own) return put(JSON.stringify(value) ?? 'null');
  if (Array.isArray(value)) {
    put('[');
    value.forEach((v, i) => {
      if (i) put(',');
      // as JSON.stringify: undefined, a function or a symbol in an array is null
      putJson(put, v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v, depth - 1);
    });
    return put(']');
  }
  put('{');
  let first = true;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    put(`${first ? '' : ','}${JSON.stringify(k)}:`);
    first = false;
    putJson(put, v, depth - 1);
  }
  put('}');
}
