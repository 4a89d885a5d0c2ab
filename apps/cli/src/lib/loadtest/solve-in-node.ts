import { createHash } from "node:crypto";
import type { HumanCheckChallenge, Solution } from "@landslide/api/client";

/**
 * The proof-of-work solved with Node's synchronous SHA-256: the same answer the SDK's WebCrypto
 * solver finds, about twenty times sooner, because a load test solves thousands of them on the
 * machine that also runs the stack. (A browser solves one, in a Web Worker.)
 */
export async function solveInNode(challenge: HumanCheckChallenge): Promise<Solution | undefined> {
  if (challenge.kind !== "proof-of-work") return undefined;
  for (let number = 0; number <= challenge.maxNumber; number++) {
    if (
      createHash("sha256")
        .update(challenge.salt + number)
        .digest("hex") === challenge.challenge
    ) {
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
