import type { Receipt } from "@landslide/api/client";

/** A receipt id: 128 bits in lower-case hex, as receipts and their links carry it. */
export const RECEIPT_ID = /^[0-9a-f]{32}$/;

/** A receipt id as typed, or a whole receipt (the downloaded file, or its text pasted). */
export function readInput(text: string): { receiptId: string; receipt?: Receipt } | undefined {
  const trimmed = text.trim().toLowerCase();
  if (RECEIPT_ID.test(trimmed)) return { receiptId: trimmed };
  try {
    const parsed = JSON.parse(text) as { receipt?: Receipt } & Partial<Receipt>;
    const receipt = parsed.receipt ?? (parsed as Receipt);
    return typeof receipt.receiptId === "string" && typeof receipt.signature === "string"
      ? { receiptId: receipt.receiptId, receipt }
      : undefined;
  } catch {
    return undefined;
  }
}
