/**
 * Concurrent long-lived streams (SSE subscriptions) per client address, in one task. A stream
 * holds a socket and a poller slot for as long as it stays open, so without a cap one machine can
 * hold thousands; with it, a whole office behind one NAT still gets a tab each.
 */
export class StreamLimit {
  private readonly open = new Map<string, number>();

  constructor(private readonly perClient: number) {}

  /** A slot for `client` and the function that gives it back (safe to call twice), or undefined when the client holds them all. */
  acquire(client: string): (() => void) | undefined {
    const count = this.open.get(client) ?? 0;
    if (count >= this.perClient) return undefined;
    this.open.set(client, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(client) ?? 1) - 1;
      if (left <= 0) this.open.delete(client);
      else this.open.set(client, left);
    };
  }
}
