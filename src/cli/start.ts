// `npm start` / `lantu start`: the system on its embedded default with the project's sample documents —
// the web application (`lantu serve`), which ingests the samples into an empty store.
import { runServe } from './serve.js';

export async function runStart(): Promise<number> {
  return runServe({});
}
