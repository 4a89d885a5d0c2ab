import { describe, expect, it } from "vitest";
import { ELECTION_READ_MAX_AGE_MS, verifyBundle } from "@landslide/vote-engine";
import { nodeEntropy, verifyEd25519 } from "@landslide/vote-engine/node-crypto";
import { refusalOf, verifyReceipt } from "../src/client/index";
import { demoDeployment } from "./demo-deployment";

/**
 * An election that shuffles each voter's options, through the running services: every voter
 * fetches an order of their own (the same each time), the vote API signs that very order into the
 * receipt, and the public audit bundle carries every order, signed.
 */
const demo = demoDeployment();
const signedIn = (email: string, app?: "voter-web" | "console") => demo.signedIn(email, app);

const CANDIDATES = ["ada", "bruno", "chen", "dolores", "emil", "farah", "goran", "hana"];
const board = (optionOrder: "as-listed" | "shuffled") => ({
  title: "Trustees",
  optionOrder,
  questions: [
    {
      id: "trustee",
      kind: "single" as const,
      prompt: "Choose a trustee",
      options: CANDIDATES.map((id) => ({ id, label: id[0]!.toUpperCase() + id.slice(1) })),
    },
  ],
});
const VOTERS = ["voter1@demo.landslide.test", "voter2@demo.landslide.test", "voter3@demo.landslide.test"];

async function openElection(optionOrder: "as-listed" | "shuffled") {
  const official = await signedIn("official@demo.landslide.test", "console");
  const election = await official.control.official.elections.create.mutate({ election: board(optionOrder) });
  await official.control.official.elections.transition.mutate({
    electionId: election.id,
    to: "open",
    reason: "polls open",
  });
  await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS));
  return { official, election };
}

describe("options shuffled per voter, through the running services", () => {
  it("gives each voter an order of their own, signs it into the receipt, and publishes it in the audit bundle", async () => {
    const { official, election } = await openElection("shuffled");
    expect(election.optionOrder).toBe("shuffled");
    const { pem } = await official.vote.receipts.publicKey.query();

    const orders: string[][] = [];
    for (const email of VOTERS) {
      const voter = await signedIn(email);
      const order = await voter.vote.voter.ballotOrder.query({ electionId: election.id });
      expect([...order!.trustee!].sort()).toEqual([...CANDIDATES].sort());
      // The same order every time the voter opens the ballot.
      expect(await voter.vote.voter.ballotOrder.query({ electionId: election.id })).toEqual(order);
      orders.push([...order!.trustee!]);

      const cast = await voter.castBallot({
        electionId: election.id,
        ballot: { answers: { trustee: { choices: [order!.trustee![0]!] } } },
      });
      expect(cast.decision).toBe("accepted");
      // The receipt records the order the page was given, under the signature.
      expect(cast.receipt.optionOrder).toEqual(order);
      expect(await verifyReceipt(cast.receipt, pem)).toBe(true);
      const reordered = { trustee: [...order!.trustee!].reverse() };
      expect(await verifyReceipt({ ...cast.receipt, optionOrder: reordered }, pem)).toBe(false);
      expect((await voter.vote.receipts.verify.query({ receipt: cast.receipt })).valid).toBe(true);
      expect(
        (await voter.vote.receipts.verify.query({ receipt: { ...cast.receipt, optionOrder: reordered } })).valid,
      ).toBe(false);
      expect((await voter.vote.voter.myReceipt.query({ electionId: election.id }))?.receipt.optionOrder).toEqual(order);
    }
    // Three voters, 8! orders: they do not all see the same list.
    expect(new Set(orders.map((order) => order.join(","))).size).toBeGreaterThan(1);

    const closed = await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "closed",
      reason: "polls closed",
    });
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now())),
    );
    const bundle = await demo.publishedBundle(election.id, VOTERS.length);
    expect(bundle.election.optionOrder).toBe("shuffled");
    const logged = bundle.records.flatMap(({ entry }) => (entry.type === "ballot" ? [entry.optionOrder?.trustee] : []));
    expect(logged.map((order) => order?.join(",")).sort()).toEqual(orders.map((order) => order.join(",")).sort());
    const report = await verifyBundle({ sha256: nodeEntropy.sha256, verifyEd25519 }, bundle);
    expect(report.discrepancies).toEqual([]);
  }, 120_000);

  it("tells the order only to the voter it was drawn for: no one signed out, nor for an election that does not exist", async () => {
    const { election } = await openElection("shuffled");
    // Signed out, over plain HTTP, with a forged bearer header: refused, nothing drawn.
    const input = encodeURIComponent(JSON.stringify({ electionId: election.id }));
    for (const headers of [{}, { authorization: "Bearer forged.token.here" }]) {
      const response = await fetch(`${demo.deployment.urls.voteApi}/trpc/voter.ballotOrder?input=${input}`, {
        headers,
      });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain("trustee");
    }
    const voter = await signedIn(VOTERS[0]!);
    expect(
      refusalOf(
        await voter.vote.voter.ballotOrder
          .query({ electionId: "00000000-0000-4000-8000-00000000dead" })
          .catch((error: unknown) => error),
      )?.reason,
    ).toBe("ELECTION_NOT_FOUND");
  }, 60_000);

  it("lists the options as defined, and signs no order, in an election that does not draw one", async () => {
    const { official, election } = await openElection("as-listed");
    const voter = await signedIn(VOTERS[0]!);
    expect(await voter.vote.voter.ballotOrder.query({ electionId: election.id })).toBeNull();
    const cast = await voter.castBallot({
      electionId: election.id,
      ballot: { answers: { trustee: { choices: ["ada"] } } },
    });
    expect(cast.receipt).not.toHaveProperty("optionOrder");
    const { pem } = await official.vote.receipts.publicKey.query();
    expect(await verifyReceipt(cast.receipt, pem)).toBe(true);
  }, 60_000);
});
