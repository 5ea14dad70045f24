// File names that are not valid UTF-8 (a GBK name from a Chinese Windows archive, a Latin-1 name): read
// by their bytes, and shown decoded as well as they can be. Node decodes names as UTF-8, turning such
// bytes into U+FFFD, and the name it returns then opens nothing ("file not found").
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file's path: a string, or the bytes of a path that is not valid UTF-8. */
export type FilePath = string | Buffer;

const decode = (bytes: Buffer, label: 'utf-8' | 'gb18030'): string | undefined => {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
};

/** The path as text for people and records: UTF-8, else GB18030/GBK, else Latin-1 (every byte a character). */
export function pathText(path: FilePath): string {
  if (typeof path === 'string') return path;
  return decode(path, 'utf-8') ?? decode(path, 'gb18030') ?? path.toString('latin1');
}

/** A directory's entries, each as a string when its name is valid UTF-8, else as the bytes of its path. */
export function listDirectory(dir: FilePath): Array<{ name: string; path: FilePath }> {
  const base = typeof dir === 'string' ? Buffer.from(dir) : dir;
  return readdirSync(dir, { encoding: 'buffer' }).map((raw) => {
    const utf8 = decode(raw, 'utf-8');
    if (utf8 !== undefined) return { name: utf8, path: typeof dir === 'string' ? join(dir, utf8) : Buffer.concat([base, Buffer.from('/' + utf8)]) };
    return { name: pathText(raw), path: Buffer.concat([base, Buffer.from('/'), raw]) };
  });
}

/**
 * A path named on the command line: Node has already decoded its bytes as UTF-8, so a name that was not
 * UTF-8 arrives with U+FFFD in place of its bytes. When no file has that name, the one entry of its
 * directory whose name decodes to the same text is the file meant.
 */
export function resolveNamed(path: string): FilePath {
  if (!path.includes('\uFFFD') || existsSync(path)) return path;
  try {
    const want = basename(path);
    const dir = dirname(path);
    const hits = readdirSync(dir, { encoding: 'buffer' }).filter((raw) => raw.toString('utf8') === want);
    if (hits.length === 1) {
      return Buffer.concat([Buffer.from(dir === '.' && !path.startsWith('.') ? '' : dir + '/'), hits[0]]);
    }
  } catch {
    // the directory cannot be listed: the reader names the file and its reason
  }
  return path;
}
