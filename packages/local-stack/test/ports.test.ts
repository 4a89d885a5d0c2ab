import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ephemeralRange, freePort, freePortBelowEphemeralRange, isPortInUse } from "../src/ports";

const listen = (port: number) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

describe("freePortBelowEphemeralRange", () => {
  afterEach(() => vi.restoreAllMocks());

  it("gives a port outside the range the kernel hands to listen(0) and outgoing connections", async () => {
    const { low } = ephemeralRange();
    const neighbours = await Promise.all(Array.from({ length: 20 }, () => listen(0)));
    const kernelPorts = neighbours.map((server) => (server.address() as { port: number }).port);
    const port = await freePortBelowEphemeralRange();
    expect(kernelPorts.every((kernelPort) => kernelPort >= low)).toBe(true);
    expect(port).toBeLessThan(low);
    expect(port).toBeGreaterThanOrEqual(10_000);
    const server = await listen(port);
    await close(server);
    await Promise.all(neighbours.map(close));
  });

  it("passes over a port something already listens on", async () => {
    // Taken by hand, not through freePort…, which would remember having handed it out.
    const takenPort = 20_000 + Math.floor(Math.random() * 5_000);
    const taken = await listen(takenPort);
    const { low } = ephemeralRange();
    const draw = (port: number) => (port - 10_000 + 0.5) / (low - 10_000);
    vi.spyOn(Math, "random")
      .mockReturnValueOnce(draw(takenPort))
      .mockReturnValueOnce(draw(takenPort === 10_000 ? 10_001 : takenPort - 1));
    expect(await isPortInUse(takenPort)).toBe(true);
    const port = await freePortBelowEphemeralRange();
    expect(port).not.toBe(takenPort);
    expect(Math.abs(port - takenPort)).toBe(1);
    await close(taken);
  });
});

describe("freePort", () => {
  it("never hands out a port twice in one process, though the kernel may offer a released one again", async () => {
    const ports = [];
    for (let i = 0; i < 200; i += 1) ports.push(await freePort());
    expect(new Set(ports).size).toBe(ports.length);
    const { low } = ephemeralRange();
    expect(ports.every((port) => port >= low)).toBe(true);
  });
});
