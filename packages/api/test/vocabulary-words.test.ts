import { describe, expect, it } from "vitest";
import { electionStatuses, questionKinds } from "@landslide/vote-engine";
import {
  auditActions,
  auditActionWords,
  electionStatusWords,
  holdReasonWords,
  questionKindWords,
  riskSignalWords,
  voteStateWords,
} from "../src/client/words";
import { riskWeights } from "../src/risk/risk-signals";
import { WITHHELD_WITH_GROUP } from "../src/aggregator/coordination-watch";
import { callArguments, literals, sourceFiles, splitArguments } from "./source-literals";

/** An audit action's name: dotted, lower case ("election.create", "network-list.import"). */
const ACTION = /^[a-z-]+\.[a-z-]+$/;

/** The actions the API records: recordAction's second argument, and `action:` where an entry is built by hand. */
function actionsInSource(): Set<string> {
  const found = new Set<string>();
  for (const { text } of sourceFiles("packages/api/src", (path) => path.startsWith("client/words"))) {
    for (const args of callArguments(text, "recordAction")) {
      const action = splitArguments(args)[1];
      for (const name of literals(action ?? "", ACTION)) found.add(name);
    }
    for (const m of text.matchAll(/\baction:\s*("[^"]*")/g))
      for (const name of literals(m[1]!, ACTION)) found.add(name);
  }
  return found;
}

/** Each entry reads as words: a label that is not a code, a help sentence. */
function expectWords(code: string, words: { label: string; help: string }) {
  expect(words.label, code).not.toBe(code);
  expect(words.label, code).toMatch(/^[A-Z][a-z]/);
  expect(words.help, code).toMatch(/^[A-Z].*\.$/);
}

describe("words for every audit action", () => {
  const inSource = actionsInSource();

  it("finds the actions in the source, the fraud decision's two branches and the aggregator's own among them", () => {
    for (const action of ["election.create", "fraud.release", "fraud.void", "fraud.withhold"])
      expect(inSource.has(action), action).toBe(true);
  });

  it("has words for each, and lists no action the API never records", () => {
    expect([...inSource].filter((a) => !(auditActions as string[]).includes(a))).toEqual([]);
    expect(auditActions.filter((a) => !inSource.has(a))).toEqual([]);
    for (const action of inSource) expectWords(action, auditActionWords(action));
  });

  it("makes a readable label of an action it does not know", () => {
    expect(auditActionWords("ballot.recast")).toEqual({ label: "Ballot recast", help: "" });
  });
});

describe("words for the engine's vocabularies", () => {
  it("has words for every election status", () => {
    for (const status of electionStatuses) expectWords(status, electionStatusWords(status));
    expect(electionStatusWords("paused").label).toBe("Paused");
  });

  it("has words for every question kind", () => {
    for (const kind of questionKinds) expectWords(kind, questionKindWords(kind));
  });

  it("has words for every state of a stored ballot", () => {
    for (const state of ["accepted", "quarantined", "released", "voided"]) expectWords(state, voteStateWords(state));
    expect(voteStateWords("quarantined").label).toBe("Held for review");
  });

  it("has words for every reason a ballot is held: each scored signal and the two that are not", () => {
    for (const reason of [...Object.keys(riskWeights), "NO_PASSKEY", WITHHELD_WITH_GROUP])
      expectWords(reason, holdReasonWords(reason));
  });

  it("keeps the risk signal as a phrase for lists, and an unknown one as it came", () => {
    expect(riskSignalWords("HEADLESS_CLIENT")).toBe("a headless browser or a script, by its user agent");
    expect(riskSignalWords("NEW_SIGNAL")).toBe("NEW_SIGNAL");
  });
});
