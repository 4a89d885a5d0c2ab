import { describe, expect, it } from "vitest";
import { InMemoryElections, InMemoryVoteStore } from "../src/adapters/memory";
import { castVote, type PasskeyPolicy } from "../src/index";
import { castDependencies, demoBallot, election, idempotencyKey } from "./fixtures";

async function castUnder(policy: PasskeyPolicy, passkey: boolean | undefined) {
  const votes = new InMemoryVoteStore();
  const deps = castDependencies(votes, { elections: new InMemoryElections([{ ...election, passkeyPolicy: policy }]) });
  const result = await castVote(deps, {
    electionId: election.id,
    subject: "ada",
    idempotencyKey: idempotencyKey(1),
    ballot: demoBallot(),
    ...(passkey === undefined ? {} : { passkey }),
    decision: {
      decision: "accepted",
      reasons: [],
      evidence: { deviceId: "device-1", networkBlock: "203.0.113.0/24", score: 0 },
    },
  });
  const stored = [];
  for await (const vote of votes.scan(election.id)) stored.push(vote);
  return { result, stored };
}

describe("an election's passkey policy", () => {
  it("refuses a cast without a passkey where one is required, and stores nothing", async () => {
    for (const passkey of [false, undefined]) {
      const { result, stored } = await castUnder("required", passkey);
      expect(result).toMatchObject({ ok: false, error: { code: "PASSKEY_REQUIRED" } });
      expect(stored).toHaveLength(0);
    }
  });

  it("holds a cast without a passkey for review where the election says so, with the reason and the evidence", async () => {
    const { result, stored } = await castUnder("review-without", false);
    expect(result).toMatchObject({ ok: true, value: { decision: "quarantined" } });
    expect(stored).toEqual([
      expect.objectContaining({
        decision: "quarantined",
        state: "quarantined",
        reasons: ["NO_PASSKEY"],
        evidence: expect.objectContaining({ deviceId: "device-1" }),
      }),
    ]);
  });

  it("counts a cast signed with a passkey under every policy, and one without where passkeys are optional", async () => {
    for (const policy of ["optional", "review-without", "required"] as const) {
      const { result, stored } = await castUnder(policy, true);
      expect(result).toMatchObject({ ok: true, value: { decision: "accepted" } });
      expect(stored.map((vote) => vote.state)).toEqual(["accepted"]);
    }
    expect((await castUnder("optional", false)).result).toMatchObject({ ok: true, value: { decision: "accepted" } });
  });
});
