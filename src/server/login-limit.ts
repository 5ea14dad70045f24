// Failed logins counted per account and per address over a sliding minute: a guess at one account is
// stopped after `perAccount` failures whatever address it comes from, and one address after
// `perAddress` failures whatever accounts it tries. Successful logins are not counted (everyone behind
// one proxy may log in), and a success clears its account's count.
const WINDOW_MS = 60_000;
const MAX_KEYS = 100_000;

export class LoginLimiter {
  private failures = new Map<string, number[]>();

  constructor(private perAccount: number, private perAddress: number) {}

  private recent(key: string, now: number): number[] {
    const list = (this.failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait before trying again, or 0 when this attempt may go ahead. */
  retryAfter(account: string, address: string, now = Date.now()): number {
    const keys: Array<[string, number]> = [[`u:${account.toLowerCase()}`, this.perAccount], [`a:${address}`, this.perAddress]];
    let wait = 0;
    for (const [key, max] of keys) {
      const list = this.recent(key, now);
      if (list.length >= max) wait = Math.max(wait, Math.ceil((list[list.length - max] + WINDOW_MS - now) / 1000));
    }
    return wait;
  }

  failed(account: string, address: string, now = Date.now()): void {
    if (this.failures.size > MAX_KEYS) for (const k of [...this.failures.keys()]) this.recent(k, now); // forget old keys
    for (const key of [`u:${account.toLowerCase()}`, `a:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeeded(account: string): void {
    this.failures.delete(`u:${account.toLowerCase()}`);
  }
}
