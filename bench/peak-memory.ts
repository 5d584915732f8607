/** Peak resident set size and V8 heap use of this process, sampled on a timer and wherever `sample()` is called. */
export class PeakMemory {
  rss = 0;
  heapUsed = 0;
  readonly #timer: NodeJS.Timeout;

  constructor(intervalMs = 25) {
    this.sample();
    this.#timer = setInterval(() => {
      this.sample();
    }, intervalMs);
    this.#timer.unref();
  }

  /** Call from long synchronous loops, where the timer cannot fire. */
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.rss) this.rss = m.rss;
    if (m.heapUsed > this.heapUsed) this.heapUsed = m.heapUsed;
  }

  /** Stops sampling; the RSS peak also takes the kernel's own high-water mark into account. */
  stop(): { rss: number; heapUsed: number } {
    clearInterval(this.#timer);
    this.sample();
    return { rss: Math.max(this.rss, process.resourceUsage().maxRSS * 1024), heapUsed: this.heapUsed };
  }
}
