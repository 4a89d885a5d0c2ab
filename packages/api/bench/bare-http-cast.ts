/**
 * The least a Node HTTP service can do per cast: node:http, the body read and parsed, the access
 * token (RS256) and the device proof (ES256) verified with node:crypto's one-shot verify, the voter
 * key derived (HMAC) and a receipt signed (Ed25519), a small JSON answer. No framework, no
 * validation, no guards, no storage: a floor to read the vote API's own ceiling against, not a
 * service (http-ceiling.bench.ts starts it; nothing else can).
 *
 *   node --import tsx bare-http-cast.ts <jwks url>   (forked: it sends its port over IPC)
 *
 * GET /cpu answers the process's CPU seconds so far, as the vote API's metrics do.
 */
import {
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

const [jwksUrl] = process.argv.slice(2) as [string];
const jwks = (await (await fetch(jwksUrl)).json()) as { keys: JsonWebKey[] };
const poolKey = createPublicKey({ key: jwks.keys[0]!, format: "jwk" });
const voterKeySecret = new Uint8Array(32);
const receiptKey = generateKeyPairSync("ed25519").privateKey;
/** Device keys imported once each, as the vote API does. */
const deviceKeys = new Map<string, KeyObject>();

function verified(token: string, key: (header: { jwk?: JsonWebKey }) => KeyObject, ecdsa: boolean): string {
  const dot = token.lastIndexOf(".");
  const header = JSON.parse(Buffer.from(token.slice(0, token.indexOf(".")), "base64url").toString()) as {
    jwk?: JsonWebKey;
  };
  const ok = verify(
    "sha256",
    Buffer.from(token.slice(0, dot)),
    ecdsa ? { key: key(header), dsaEncoding: "ieee-p1363" } : key(header),
    Buffer.from(token.slice(dot + 1), "base64url"),
  );
  if (!ok) throw new Error("bad signature");
  return token;
}

const deviceKey = (header: { jwk?: JsonWebKey }): KeyObject => {
  const id = header.jwk!.x!;
  let key = deviceKeys.get(id);
  if (!key) deviceKeys.set(id, (key = createPublicKey({ key: header.jwk!, format: "jwk" })));
  return key;
};

const server = createServer((request, response) => {
  if (request.method === "GET") {
    const { user, system } = process.cpuUsage();
    response.end(JSON.stringify({ cpuSeconds: (user + system) / 1e6 }));
    return;
  }
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    try {
      const input = JSON.parse(Buffer.concat(chunks).toString()) as { electionId: string; idempotencyKey: string };
      const token = verified(request.headers.authorization!.slice("Bearer ".length), () => poolKey, false);
      verified(request.headers.dpop as string, deviceKey, true);
      const voterKey = createHmac("sha256", voterKeySecret).update(token.slice(0, 64)).digest("base64url");
      const receipt = `landslide-receipt-v2\n${input.electionId}\n${input.idempotencyKey}\n${voterKey}`;
      const signature = sign(null, Buffer.from(receipt), receiptKey).toString("base64url");
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ result: { data: { receipt, signature } } }));
    } catch {
      response.statusCode = 400;
      response.end('{"error":{}}');
    }
  });
});
server.listen(0, "127.0.0.1", () => process.send?.((server.address() as AddressInfo).port));
