import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { LocalStackError } from "./errors";

/**
 * Finds a port that is free right now on the host, for a server that will bind it a moment later.
 *
 * The port is drawn at random from below the kernel's ephemeral range, not asked of the kernel
 * (`listen(0)`): the kernel hands its ephemeral ports to every other `listen(0)` and outgoing
 * connection on the machine, so a port it gave us and we released is the next one it may give a
 * neighbour. Ceph's gateway binds ~12 s after its port is chosen; in CI another test suite's
 * server took the port in that window twice. Below the range only other explicit choices compete.
 */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  const { low } = ephemeralRange();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = CHOSEN_PORTS_FROM + Math.floor(Math.random() * (low - CHOSEN_PORTS_FROM));
    // Several ports are often chosen before any is bound: one process never hands one out twice.
    if (handedOut.has(port) || (await isPortInUse(port, host))) continue;
    handedOut.add(port);
    return port;
  }
  return kernelPort(host);
}

const handedOut = new Set<number>();

/** The lowest port freePort draws from: above the usual fixed ones (5432, 8000, 8080, 9000…). */
const CHOSEN_PORTS_FROM = 10_000;

/** Linux's range for `listen(0)` and outgoing connections; the usual default elsewhere. */
export function ephemeralRange(): { readonly low: number; readonly high: number } {
  try {
    const [low, high] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
    if (low && high && low > CHOSEN_PORTS_FROM + 1000) return { low, high };
  } catch {
    // Not Linux: fall through to the IANA dynamic range.
  }
  return { low: 49_152, high: 65_535 };
}

function kernelPort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when something already listens on host:port. */
export function isPortInUse(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(true);
      else reject(error);
    });
    server.listen(port, host, () => server.close(() => resolve(false)));
  });
}

/** Fails with one line naming the setting to change when any wanted port is taken. */
export async function assertPortsFree(
  wanted: ReadonlyArray<{ readonly port: number; readonly what: string; readonly variable: string }>,
  host = "127.0.0.1",
): Promise<void> {
  for (const { port, what, variable } of wanted) {
    if (await isPortInUse(port, host)) {
      throw new LocalStackError(
        `Port ${port} (${what}) is already in use on ${host}: stop what listens there (is another 'npm run dev' running?) or set ${variable} to a free port.`,
      );
    }
  }
}
