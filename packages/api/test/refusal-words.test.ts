import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { describe, expect, it } from "vitest";
import { errorCodes } from "@landslide/vote-engine";
import { isKnownRefusal, refusalWords } from "../src/client/words";
import { callArguments, literals, sourceFiles } from "./source-literals";

/** A reason code: upper case and underscores, as every reason the API sends is spelled. */
const REASON = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/**
 * Every reason the server code spells out: the arguments of the calls that refuse, the `reason`
 * of a refusal built by hand (properties and the error formatter's variable), and the `code` of
 * the plain-JSON errors. Read from the API's source and infra's WAF rules, not copied.
 */
function reasonsInSource(): Map<string, string> {
  const files = [
    ...sourceFiles("packages/api/src", (path) => path.startsWith("client/words")),
    ...sourceFiles("infra/lib/constructs", (path) => !path.endsWith("web-acl.ts")),
  ];
  const found = new Map<string, string>();
  const callees = ["refusal", "Refusal", "refuse", "refuseCheck", "TokenRejectedError", "trpcRefusal"];
  for (const { path, text: source } of files) {
    // A metric's label is no refusal (`metrics.votes.inc({ reason: "REPLAYED" })`): leave those out.
    const text = callArguments(source, "inc").reduce((rest, args) => rest.replace(args, ""), source);
    const spans = [
      ...callees.flatMap((callee) => callArguments(text, callee)),
      // `reason: "X"`, `reason: cond ? "X" : "Y"`, `const reason = …;`
      ...[...text.matchAll(/\breason\s*[:=]\s*([^;,}]*)/g)].map((m) => m[1]!),
      ...[...text.matchAll(/\berror:\s*\{\s*code:\s*("[^"]*")/g)].map((m) => m[1]!),
    ];
    for (const span of spans) for (const reason of literals(span, REASON)) found.set(reason, path);
  }
  return found;
}

describe("words for every reason the API can refuse with", () => {
  const inSource = reasonsInSource();

  it("finds the reasons in the source (the reader itself works)", () => {
    // Spot checks across the ways a reason is written: a router's refusal(), a guard's union
    // member in a literal, the error formatter, the admission's hand-built body, infra's WAF rule.
    for (const reason of ["RISK_REFUSED", "PROOF_MISSING", "INVALID_INPUT", "OVERLOADED", "EDGE_CHALLENGE_REQUIRED"])
      expect(inSource.has(reason), reason).toBe(true);
    expect(inSource.size).toBeGreaterThan(30);
  });

  it("has words for every reason spelled out in the source", () => {
    const missing = [...inSource].filter(([reason]) => !isKnownRefusal(reason)).map(([r, path]) => `${r} (${path})`);
    expect(missing).toEqual([]);
  });

  it("has words for every error code of the engine and every code of tRPC's own", () => {
    const all = [...errorCodes, ...Object.keys(TRPC_ERROR_CODES_BY_KEY)];
    expect(all.filter((code) => !isKnownRefusal(code))).toEqual([]);
  });

  it("gives each a label and a help sentence, neither of them the code", () => {
    for (const reason of [...inSource.keys(), ...errorCodes]) {
      const { label, help } = refusalWords(reason);
      expect(label, reason).not.toMatch(/[A-Z]{2,}_|^[A-Z_]+$/);
      expect(help, reason).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("makes a readable label of a reason it does not know, with no help", () => {
    expect(refusalWords("SOMETHING_NEW")).toEqual({ label: "Something new", help: "" });
    expect(isKnownRefusal("SOMETHING_NEW")).toBe(false);
    expect(refusalWords("ALREADY_VOTED").label).toBe("Already voted");
  });
});
