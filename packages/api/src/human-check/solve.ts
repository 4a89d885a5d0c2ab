import type { HumanCheckChallenge, Solution } from "./human-check";

/**
 * Finds the number behind a challenge with WebCrypto, so the same code runs in a browser's Web
 * Worker and in Node (the CLI, load tests). Returns undefined if no number fits (a forged
 * challenge), or if the deployment uses a hosted check, whose widget the client must run instead.
 */
export async function solveChallenge(challenge: HumanCheckChallenge): Promise<Solution | undefined> {
  if (challenge.kind !== "proof-of-work") return undefined;
  const encoder = new TextEncoder();
  for (let number = 0; number <= challenge.maxNumber; number++) {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(challenge.salt + number)));
    if (toHex(digest) === challenge.challenge) {
      return {
        algorithm: challenge.algorithm,
        challenge: challenge.challenge,
        salt: challenge.salt,
        number,
        signature: challenge.signature,
      };
    }
  }
  return undefined;
}

function toHex(bytes: Uint8Array): string {
  let hex = "";
  for (const byte of bytes) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
