import { createServer, type Socket, connect } from "node:net";

export interface CuttableProxy {
  /** http://127.0.0.1:<port>: where clients connect instead of the target. */
  readonly url: string;
  /** Drops every connection open now, both sides at once, as a network or a load balancer drops them; how many. */
  cut(): number;
  close(): Promise<void>;
}

/**
 * A TCP relay on loopback in front of `target` (an http:// URL): the live-results watchers connect
 * through it, so the drill can cut their sockets mid-stream without touching the service. A
 * connection whose other side ends or fails is ended on this side too, so a watcher sees the
 * results service's restart as it would without the relay.
 */
export async function cuttableProxy(target: string): Promise<CuttableProxy> {
  const { hostname, port } = new URL(target);
  const pairs = new Set<readonly [Socket, Socket]>();
  const server = createServer((client) => {
    const upstream = connect({ host: hostname, port: Number(port) });
    const pair = [client, upstream] as const;
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of pair) socket.on("error", drop).on("close", drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the relay has no TCP port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      const open = [...pairs];
      for (const [client, upstream] of open) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      return open.length;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [client, upstream] of pairs) {
          client.destroy();
          upstream.destroy();
        }
        pairs.clear();
        server.close(() => resolve());
      }),
  };
}
