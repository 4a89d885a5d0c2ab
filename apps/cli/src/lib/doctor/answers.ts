import { connect } from "node:net";

const TIMEOUT_MS = 2500;

/**
 * Whether something answers at a URL in the protocol it should speak: any HTTP response for
 * http(s) (DynamoDB and Cognito answer a bare GET with an error, which is an answer), Postgres'
 * reply to an SSL request for postgres://. Never throws.
 */
export function answers(url: string): Promise<boolean> {
  const parsed = new URL(url);
  if (parsed.protocol === "postgres:" || parsed.protocol === "postgresql:")
    return answersPostgres(parsed.hostname, Number(parsed.port || 5432));
  return fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) }).then(
    async (response) => {
      await response.body?.cancel();
      return true;
    },
    () => false,
  );
}

/** A Postgres server answers the 8-byte SSLRequest with one byte, "S" or "N"; anything else is not Postgres. */
function answersPostgres(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(TIMEOUT_MS, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => {
      const request = Buffer.alloc(8);
      request.writeInt32BE(8, 0);
      request.writeInt32BE(80877103, 4);
      socket.write(request);
    });
    socket.once("data", (reply) => done(reply.length === 1 && (reply[0] === 0x53 || reply[0] === 0x4e)));
  });
}
