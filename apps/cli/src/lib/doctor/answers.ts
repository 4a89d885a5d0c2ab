import { connect } from "node:net";
import { isTimeout, patientFetch, TRY_BUDGETS_MS } from "../local-stack/patient-fetch";

/**
 * An answer slower than this is reported as a warning, not a failure: the server works, the
 * machine is busy (a build or a test run beside it on two cores).
 */
export const SLOW_SECONDS = 3;

export interface Timed<T> {
  readonly value: T;
  readonly seconds: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1000 };
}

/** "took 4.2 s to answer", for a detail line. */
export const slowly = (seconds: number) => `took ${seconds.toFixed(1)} s to answer (the machine may be busy)`;

/**
 * Whether something answers at a URL in the protocol it should speak: any HTTP response for
 * http(s) (DynamoDB and Cognito answer a bare GET with an error, which is an answer), Postgres'
 * reply to an SSL request for postgres://. Patient (see patient-fetch.ts); never throws.
 */
export function answers(url: string): Promise<boolean> {
  const parsed = new URL(url);
  if (parsed.protocol === "postgres:" || parsed.protocol === "postgresql:")
    return answersPostgres(parsed.hostname, Number(parsed.port || 5432));
  return patientFetch(url).then(
    async (response) => {
      await response.body?.cancel();
      return true;
    },
    () => false,
  );
}

async function answersPostgres(host: string, port: number): Promise<boolean> {
  for (const budget of TRY_BUDGETS_MS) {
    const reply = await sslRequest(host, port, budget);
    if (reply !== "timeout") return reply;
  }
  return false;
}

/** A Postgres server answers the 8-byte SSLRequest with one byte, "S" or "N"; anything else is not Postgres. */
function sslRequest(host: string, port: number, budgetMs: number): Promise<boolean | "timeout"> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answer: boolean | "timeout") => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(budgetMs, () => done("timeout"));
    socket.once("error", (error) => done(isTimeout(error) ? "timeout" : false));
    socket.once("connect", () => {
      const request = Buffer.alloc(8);
      request.writeInt32BE(8, 0);
      request.writeInt32BE(80877103, 4);
      socket.write(request);
    });
    socket.once("data", (reply) => done(reply.length === 1 && (reply[0] === 0x53 || reply[0] === 0x4e)));
  });
}
