/**
 * Events per second in this process over the last few seconds, in one-second buckets: cheap
 * enough to tick on every cast. The proof of work asks for more work while the rate is high.
 */
export class LoadGauge {
  private readonly buckets: number[];
  private readonly seconds: number[];

  constructor(
    private readonly windowSeconds = 10,
    private readonly now: () => number = Date.now,
  ) {
    this.buckets = new Array<number>(windowSeconds).fill(0);
    this.seconds = new Array<number>(windowSeconds).fill(-1);
  }

  tick(): void {
    const second = Math.floor(this.now() / 1000);
    const slot = second % this.windowSeconds;
    if (this.seconds[slot] !== second) {
      this.seconds[slot] = second;
      this.buckets[slot] = 0;
    }
    this.buckets[slot]! += 1;
  }

  perSecond(): number {
    const current = Math.floor(this.now() / 1000);
    let total = 0;
    for (let slot = 0; slot < this.windowSeconds; slot++)
      if (current - this.seconds[slot]! < this.windowSeconds) total += this.buckets[slot]!;
    return total / this.windowSeconds;
  }
}
