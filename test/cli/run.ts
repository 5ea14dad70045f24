// The real `lantu` command for CLI tests: run from the sources on an embedded store in a data directory of its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

/** A `lantu` bound to a new data directory (prefix names it in the temp folder); variables of its environment may follow the arguments. */
export function cli(prefix: string): (...args: Array<string | Record<string, string>>) => { code: number | null; stdout: string; stderr: string } {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  return (...args) => {
    const env = Object.assign({}, ...args.filter((a) => typeof a !== 'string')) as Record<string, string>;
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args.filter((a) => typeof a === 'string')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '', LANTU_DATA_DIR: dataDir, LANTU_DATABASE_URL: '', ...env },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}
