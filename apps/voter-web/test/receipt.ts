import type { Receipt } from "@landslide/api/client";

/** A receipt as the vote API issues one (its signature is not checked by these tests). */
export const receipt: Receipt = {
  receiptId: "0123456789abcdef0123456789abcdef",
  electionId: "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
  castAt: "2025-03-30T09:00:04.000Z",
  commitment: "ab".repeat(32),
  keyId: "receipts-1",
  binding: "cd".repeat(32),
  signature: "c2lnbmF0dXJl",
};
