// Progress on stderr: a bar on a terminal with the files per second and the time left, a line every few
// files otherwise (CI logs) with the same figures.
import cliProgress from 'cli-progress';

export class Progress {
  private bar?: cliProgress.SingleBar;
  private done = 0;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly label: string,
  ) {
    if (total < 2) return;
    if (process.stderr.isTTY) {
      this.bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: `${label} [{bar}] {value}/{total} {rate} 个/秒 剩余 {eta_formatted} {file}`, hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0, { file: '', rate: '—' });
    }
  }

  /** Files per second so far. */
  private rate(): string {
    const s = (Date.now() - this.started) / 1000;
    return s > 0 ? (this.done / s).toFixed(1) : '—';
  }

  tick(file: string): void {
    this.done++;
    if (this.bar) this.bar.update(this.done, { file, rate: this.rate() });
    else if (this.total >= 2) {
      const step = Math.max(1, Math.floor(this.total / 20));
      if (this.done % step === 0 || this.done === this.total) {
        const rate = this.rate();
        const left = this.done < this.total && Number(rate) > 0 ? `, about ${Math.ceil((this.total - this.done) / Number(rate))} s left` : '';
        process.stderr.write(`${this.label} ${this.done}/${this.total} ${file} (${rate} files/s${left})\n`);
      }
    }
  }

  stop(): void {
    this.bar?.stop();
  }
}
