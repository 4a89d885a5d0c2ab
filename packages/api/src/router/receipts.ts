import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { MAX_VOTER_WEIGHT } from "@landslide/vote-engine";
import { verifyReceiptSignature } from "@landslide/vote-engine/node-crypto";
import { publicProcedure } from "../trpc";

export const receiptSchema = z
  .object({
    receiptId: z.string().regex(/^[0-9a-f]{32}$/),
    electionId: z.uuid(),
    castAt: z.iso.datetime(),
    commitment: z.string().regex(/^[0-9a-f]{64}$/),
    keyId: z.string().min(1).max(64),
    binding: z.string().regex(/^[0-9a-f]{64}$/),
    /** From a weighted roll: how many votes the ballot is worth (signed with the rest). */
    weight: z.number().int().min(1).max(MAX_VOTER_WEIGHT).optional(),
    signature: z.string().min(1).max(200),
  })
  .strict();

export const receiptsRouter = {
  /** The published key that verifies every receipt offline. */
  publicKey: publicProcedure.query(({ ctx }) => ctx.services.keys().receiptPublicKey),
  verify: publicProcedure.input(z.object({ receipt: receiptSchema }).strict()).query(({ ctx, input }) => {
    const { keyId, pem } = ctx.services.keys().receiptPublicKey;
    return { valid: input.receipt.keyId === keyId && verifyReceiptSignature(input.receipt, pem) };
  }),
} satisfies TRPCRouterRecord;
