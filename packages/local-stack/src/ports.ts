import { createServer } from "node:net";
import { LocalStackError } from "./errors";

/** Asks the kernel for a port that is free right now on the host. */
export function freePort(host = "127.0.0.1"): Promise<number> {
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
