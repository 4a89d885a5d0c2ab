import { createHash } from "node:crypto";
import type { HumanCheckChallenge, Solution } from "./human-check";

/**
 * The proof-of-work solved with Node's synchronous SHA-256: the same answer as the SDK's WebCrypto
 * solver (solve.ts), about twenty times sooner, for programs that solve thousands of them on the
 * machine that also runs the stack: the CLI's load test and the API's burst tests. (A browser
 * solves one, in a Web Worker.) Undefined for a check that is not a proof of work, or that has no
 * solution up to its maximum.
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
