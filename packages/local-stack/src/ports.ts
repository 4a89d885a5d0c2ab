import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { LocalStackError } from "./errors";

/**
 * Asks the kernel for a port that is free right now on the host, for a server that will bind it a
 * moment later. One process never hands the same port out twice: the kernel may give a port just
 * released to the next `listen(0)`, and several ports are often chosen before any is bound (the
 * test setup's four servers, Ceph's monitor beside its gateway).
 */
export async function freePort(host = "127.0.0.1"): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await kernelPort(host);
    if (!handedOut.has(port)) return handOut(port);
  }
  throw new LocalStackError("No free port: the kernel kept offering ports this process had handed out already.");
}

/**
 * A free port drawn at random from below the kernel's ephemeral range, for a server that binds it
 * only seconds later (Ceph's gateway binds ~12 s after its port is chosen). A kernel-chosen port
 * is what every other `listen(0)` on the machine may be given meanwhile; below the range only
 * other explicit choices compete. CI once lost the gateway's port that way.
 */
export async function freePortBelowEphemeralRange(host = "127.0.0.1"): Promise<number> {
  const { low } = ephemeralRange();
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = CHOSEN_PORTS_FROM + Math.floor(Math.random() * (low - CHOSEN_PORTS_FROM));
    if (handedOut.has(port) || (await isPortInUse(port, host))) continue;
    return handOut(port);
  }
  return freePort(host);
}

const handedOut = new Set<number>();

function handOut(port: number): number {
  handedOut.add(port);
  return port;
}

/** The lowest port freePortBelowEphemeralRange draws from: above the usual fixed ones (5432, 8000, 9000…). */
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
