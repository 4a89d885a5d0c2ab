import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { Args, Errors } from "@oclif/core";
import { checkReceiptInclusion } from "@landslide/vote-engine";
import { nodeEntropy, verifyEd25519 } from "@landslide/vote-engine/node-crypto";
import type { RouterOutputs } from "@landslide/api/client";
import { BaseCommand } from "../../lib/base-command";
import { EXIT, publicClient, reachOrExplain } from "../../lib/public-client";

type Standing = RouterOutputs["audit"]["receipt"];

export default class AuditProve extends BaseCommand {
  static override summary =
    "Show where a receipt's ballot stands, and check its inclusion proof against the signed epoch.";
  static override description =
    "RECEIPT is a receipt id, or the receipt file the voter site lets voters download (then the proof is checked against the commitment the voter holds). Exits 1 when the ballot is not counted or the proof does not check out.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 3f9c0e7b5a1d4e2f8b6c0a9d7e5f3b1c",
    "<%= config.bin %> <%= command.id %> ./landslide-receipt.json --json",
  ];
  static override args = { receipt: Args.string({ description: "a receipt id or a receipt file", required: true }) };

  async run(): Promise<{ receiptId: string; standing: Standing; verified: boolean | null; problem: string | null }> {
    const { args } = await this.parse(AuditProve);
    const held = await receiptFrom(args.receipt);
    const { client, config } = publicClient();
    const reach = <T>(call: () => Promise<T>) => reachOrExplain("the results service", config.urls.results, call);
    const standing = await reach(() => client.results.audit.receipt.query({ receiptId: held.receiptId }));
    let problem: string | null = null;
    if (standing.status === "included") {
      const keys = await reach(() => client.results.audit.keys.query());
      // With only an id, the proof shows the logged record is sealed; with the receipt file, also that it is the voter's commitment.
      const { entry, electionId } = standing.record;
      const receipt = {
        receiptId: held.receiptId,
        commitment: held.commitment ?? (entry.type === "ballot" ? entry.commitment : ""),
        electionId: held.electionId ?? electionId,
      };
      problem = await checkReceiptInclusion(
        { sha256: nodeEntropy.sha256, verifyEd25519 },
        receipt,
        standing,
        keys.audit,
      );
    }
    const verified = standing.status === "included" ? problem === null : null;
    if (!this.jsonEnabled()) this.describe(held.receiptId, standing, problem);
    if (standing.status !== "included" && standing.status !== "logged") process.exitCode = EXIT.failed;
    if (problem) process.exitCode = EXIT.failed;
    return { receiptId: held.receiptId, standing, verified, problem };
  }

  private describe(receiptId: string, standing: Standing, problem: string | null): void {
    switch (standing.status) {
      case "included": {
        const { statement } = standing.epoch;
        this.log(
          problem
            ? `FAIL  Receipt ${receiptId}: ${problem}`
            : `COUNTED  Receipt ${receiptId} is record ${standing.record.seq}, sealed in epoch ${statement.epoch} (signed ${statement.sealedAt}).`,
        );
        this.log(`  root   ${statement.root}`);
        this.log(`  leaf   ${standing.record.hash} (index ${standing.proof.index} of ${standing.proof.treeSize})`);
        for (const [i, hash] of standing.proof.path.entries()) this.log(`  path ${String(i).padStart(2)} ${hash}`);
        return;
      }
      case "logged":
        return this.log(
          `COUNTED  Receipt ${receiptId} is record ${standing.record.seq}; the next epoch (within seconds) seals it. Ask again for the proof.`,
        );
      case "under-review":
        return this.log(
          `HELD  Receipt ${receiptId}: the ballot was received and waits for an official's review; it counts if released.`,
        );
      case "voided":
        return this.log(
          `NOT COUNTED  Receipt ${receiptId}: voided in fraud review${standing.decidedAt ? ` on ${standing.decidedAt}` : ""}${standing.reason ? `: ${standing.reason}` : ""}.`,
        );
      case "not-found":
        return this.log(
          `UNKNOWN  No counted or held ballot has receipt ${receiptId}. A ballot cast a moment ago is logged within seconds.`,
        );
    }
  }
}

/** A receipt id as typed, or the fields of a downloaded receipt file. */
async function receiptFrom(arg: string): Promise<{ receiptId: string; commitment?: string; electionId?: string }> {
  if (/^[0-9a-f]{32}$/.test(arg)) return { receiptId: arg };
  if (!existsSync(arg))
    throw new Errors.CLIError(`${arg} is neither a receipt id (32 hexadecimal characters) nor a receipt file.`, {
      exit: EXIT.usage,
    });
  try {
    const parsed = JSON.parse(await readFile(arg, "utf8")) as { receipt?: Record<string, unknown> } & Record<
      string,
      unknown
    >;
    const receipt = (parsed.receipt ?? parsed) as { receiptId?: unknown; commitment?: unknown; electionId?: unknown };
    if (
      typeof receipt.receiptId !== "string" ||
      typeof receipt.commitment !== "string" ||
      typeof receipt.electionId !== "string"
    )
      throw new Error("it lacks receiptId, commitment or electionId");
    return { receiptId: receipt.receiptId, commitment: receipt.commitment, electionId: receipt.electionId };
  } catch (error) {
    throw new Errors.CLIError(`${arg} is not a receipt file: ${(error as Error).message}.`, { exit: EXIT.usage });
  }
}
