// Progress on stderr: a bar on a terminal, a line every few files otherwise (CI logs).
import cliProgress from 'cli-progress';

export class Progress {
  private bar?: cliProgress.SingleBar;
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly label: string,
  ) {
    if (total < 2) return;
    if (process.stderr.isTTY) {
      this.bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: `${label} [{bar}] {value}/{total} {file}`, hideCursor: true, clearOnComplete: true },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, 0, { file: '' });
    }
  }

  tick(file: string): void {
    this.done++;
    if (this.bar) this.bar.update(this.done, { file });
    else if (this.total >= 2) {
      const step = Math.max(1, Math.floor(this.total / 20));
      if (this.done % step === 0 || this.done === this.total) process.stderr.write(`${this.label} ${this.done}/${this.total} ${file}\n`);
    }
  }

  stop(): void {
    this.bar?.stop();
  }
}
