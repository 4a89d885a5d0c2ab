import { expect } from "vitest";
import { nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import { type AuditBundle, type Discrepancy, verifyBundle } from "../src/audit";

/** Each discrepancy as "CODE seq=… epoch=… receipt=…", so a test states exactly what was found and where. */
export function found(discrepancies: readonly Discrepancy[]): string[] {
  return discrepancies.map((d) =>
    [
      d.code,
      d.seq === undefined ? "" : `seq=${d.seq}`,
      d.epoch === undefined ? "" : `epoch=${d.epoch}`,
      d.receiptId === undefined ? "" : `receipt=${d.receiptId}`,
    ]
      .filter(Boolean)
      .join(" "),
  );
}

/** Verifies the bundle as a member of the public would, and lists what it found (ok exactly when nothing). */
export async function discrepancies(bundle: AuditBundle): Promise<string[]> {
  const report = await verifyBundle({ sha256: nodeEntropy.sha256, verifyEd25519 }, bundle);
  expect(report.ok).toBe(report.discrepancies.length === 0);
  return found(report.discrepancies);
}
