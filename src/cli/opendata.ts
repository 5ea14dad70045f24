// `lantu opendata DIR`: the open data set of the store.
import { openStore } from '../store/db.js';
import { writeOpenData } from '../report/opendata.js';

export async function runOpenData(dir: string): Promise<number> {
  const store = await openStore();
  try {
    await writeOpenData(store, dir);
    process.stdout.write(`wrote indicators.csv, targets.csv, actuals.csv, statuses.csv and datapackage.json to ${dir}\n`);
    return 0;
  } finally {
    await store.destroy();
  }
}
