// `lantu backup FILE` / `lantu restore FILE`: the whole store, across the embedded store and PostgreSQL.
import { openStore } from '../store/db.js';
import { backup, restore } from '../store/backup.js';

async function run(action: 'backup' | 'restore', file: string): Promise<number> {
  const store = await openStore();
  try {
    const counts = action === 'backup' ? await backup(store, file) : await restore(store, file);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    process.stdout.write(`${action === 'backup' ? 'backed up' : 'restored'} ${total} rows (${Object.entries(counts).filter(([, n]) => n).map(([t, n]) => `${t} ${n}`).join(', ')}) ${action === 'backup' ? 'from' : 'into'} ${store.location}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`lantu: ${(e as Error).message}\n`);
    return 2;
  } finally {
    await store.destroy();
  }
}

export const runBackup = (file: string) => run('backup', file);
export const runRestore = (file: string) => run('restore', file);
