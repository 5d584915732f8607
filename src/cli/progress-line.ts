/**
 * Progress on stderr. On a terminal one line is rewritten in place, at most every `intervalMs`; elsewhere (a pipe,
 * a log file, a test) only finished steps are written, so logs stay short.
 */
export class ProgressLine {
  #last = -Infinity;
  #open = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly interactive: boolean,
    private readonly enabled: boolean,
    private readonly now: () => number = () => performance.now(),
    private readonly intervalMs = 200,
  ) {}

  /** A passing state ("Observation.ndjson: 120,000 lines"); dropped when too soon after the last one. */
  update(text: string): void {
    if (!this.enabled || !this.interactive) return;
    const t = this.now();
    if (t - this.#last < this.intervalMs) return;
    this.#last = t;
    this.write(`\r\u001b[2K${text}`);
    this.#open = true;
  }

  /** A finished step, always written (unless progress is off). */
  done(text: string): void {
    if (!this.enabled) return;
    this.clear();
    this.write(`${text}\n`);
  }

  /** Clears a pending in-place line so that other output starts on a clean line. */
  clear(): void {
    if (this.#open) this.write('\r\u001b[2K');
    this.#open = false;
  }
}
