import { describe, expect, it } from "vitest";
import { isIpAddress, passkeyReadyUrl } from "../lib/browser-passkeys";
import { castKey } from "../lib/cast-key";
import { roundRows } from "../app/[locale]/elections/[id]/results/round-rows";
import { RECEIPT_ID, readInput } from "../app/[locale]/receipts/receipt-input";
import { signatureMessage, standingMessage } from "../app/[locale]/receipts/verdict";
import { receipt } from "./receipt";
import { inEnglish } from "../i18n/english";

describe("the idempotency key of a cast", () => {
  it("is made once per election and kept, so a retry or a reload is the same cast", () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (name: string) => stored.get(name) ?? null,
      setItem: (name: string, value: string) => void stored.set(name, value),
    };
    const first = castKey("election-1", storage);
    expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(castKey("election-1", storage)).toBe(first);
    expect(castKey("election-2", storage)).not.toBe(first);
    expect(stored.get("landslide:cast-key:election-1")).toBe(first);
  });
});

describe("where passkeys can work", () => {
  it("knows numeric addresses, which browsers refuse for WebAuthn", () => {
    expect(isIpAddress("127.0.0.1")).toBe(true);
    expect(isIpAddress("[::1]")).toBe(true);
    expect(isIpAddress("vote.example.org")).toBe(false);
    expect(isIpAddress("localhost")).toBe(false);
  });

  it("offers localhost for a loopback address, and guesses nothing elsewhere", () => {
    expect(passkeyReadyUrl("http://127.0.0.1:3000/elections/x?y=1")).toBe("http://localhost:3000/elections/x?y=1");
    expect(passkeyReadyUrl("http://[::1]:3000/")).toBe("http://localhost:3000/");
    expect(passkeyReadyUrl("http://192.168.1.20:3000/")).toBeUndefined();
  });
});

describe("an instant-runoff count as table rows", () => {
  it("shows each option's tally round by round, marks the round that eliminated it, then the exhausted ballots", () => {
    const options = [
      { id: "ada", label: "Ada" },
      { id: "wen", label: "Wen" },
    ];
    const rounds: Parameters<typeof roundRows>[1]["rounds"] = [
      { round: 1, tallies: { ada: 1, wen: 2 }, eliminated: ["ada"], exhausted: 0 },
      { round: 2, tallies: { wen: 2 }, eliminated: [], exhausted: 1 },
    ];
    expect(roundRows(options, { rounds })).toEqual([
      { key: "ada", header: "Ada", cells: ["1 (eliminated)", "out"] },
      { key: "wen", header: "Wen", cells: ["2", "2"] },
      { key: "exhausted", header: "Exhausted ballots", cells: [0, 1] },
    ]);
  });
});

describe("what a voter gives to check a receipt", () => {
  it("takes an id in any case and with spaces around it", () => {
    expect(readInput(`  ${receipt.receiptId.toUpperCase()}\n`)).toEqual({ receiptId: receipt.receiptId });
    expect(RECEIPT_ID.test(receipt.receiptId)).toBe(true);
  });

  it("takes the downloaded file (receipt and salt) or the receipt alone", () => {
    expect(readInput(JSON.stringify({ receipt, salt: "s" }))).toEqual({ receiptId: receipt.receiptId, receipt });
    expect(readInput(JSON.stringify(receipt))).toEqual({ receiptId: receipt.receiptId, receipt });
  });

  it("refuses anything else", () => {
    expect(readInput("not a receipt")).toBeUndefined();
    expect(readInput(JSON.stringify({ receiptId: receipt.receiptId }))).toBeUndefined();
  });
});

describe("a checked ballot's standing in words", () => {
  it("says what happened to a ballot that is not sealed", () => {
    expect(
      standingMessage(
        { receiptId: receipt.receiptId, signature: null, standing: { status: "under-review" } },
        inEnglish,
      ),
    ).toBe(
      "Your ballot was received and is being reviewed by the election office. It counts once the review releases it; keep this receipt.",
    );
    expect(
      standingMessage(
        {
          receiptId: receipt.receiptId,
          signature: true,
          standing: { status: "voided", decidedAt: null, reason: "five accounts on one device" },
        },
        inEnglish,
      ),
    ).toBe(
      "Your ballot was not counted: the election office set it aside after review (“five accounts on one device”). If you think this is wrong, contact the election office.",
    );
    expect(
      standingMessage({ receiptId: receipt.receiptId, signature: null, standing: { status: "not-found" } }, inEnglish),
    ).toMatch(/^No ballot has this receipt yet\./);
  });

  it("says a sealed ballot is in the published record, naming the election and the ballots counted, in plain words", () => {
    const sealed = { status: "included" } as Parameters<typeof standingMessage>[0]["standing"];
    const said = standingMessage(
      {
        receiptId: receipt.receiptId,
        signature: null,
        standing: sealed,
        proofProblem: null,
        election: { title: "City budget 2026", counted: 1204 },
      },
      inEnglish,
    );
    expect(said).toBe(
      "Your ballot is counted, and it is in the published record of City budget 2026; 1,204 ballots counted in all. Your browser checked this itself, so you do not have to take our word for it.",
    );
    expect(
      standingMessage(
        {
          receiptId: receipt.receiptId,
          signature: null,
          standing: sealed,
          proofProblem: null,
          election: { title: "A", counted: 1 },
        },
        inEnglish,
      ),
    ).toContain("; 1 ballot counted in all.");
    // No hashes, leaves or epochs in the sentence: those are the experts' details.
    expect(said).not.toMatch(/hash|leaf|epoch|commitment/i);
  });

  it("never says the ballot is in the record when the browser's own check of the proof failed", () => {
    const said = standingMessage(
      {
        receiptId: receipt.receiptId,
        signature: null,
        standing: { status: "included" } as Parameters<typeof standingMessage>[0]["standing"],
        proofProblem: "The inclusion proof does not lead to epoch 3's signed root.",
      },
      inEnglish,
    );
    expect(said).toMatch(/^Your browser could not confirm that your ballot is in the published record/);
    expect(said).not.toContain("epoch");
  });

  it("says whether the receipt itself is genuine only when the whole receipt was given", () => {
    expect(signatureMessage(null, inEnglish)).toBeUndefined();
    expect(signatureMessage(true, inEnglish)).toMatch(/^This receipt is genuine/);
    expect(signatureMessage(false, inEnglish)).toMatch(/^This receipt is not genuine/);
  });
});
