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
    /** From an election that draws each voter's option order: the order the ballot listed them in (signed with the rest). */
    optionOrder: z
      .record(z.string().max(40), z.array(z.string().max(40)).max(50).readonly())
      .refine((order) => Object.keys(order).length <= 50, { error: "at most 50 questions" })
      .optional(),
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
