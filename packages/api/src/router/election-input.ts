import { z } from "zod";
import { electionDefinitionSchema, plainText } from "@landslide/vote-engine";

/** Dates travel as ISO 8601 text with an offset; the engine works with Dates. */
export const isoDate = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

/** An election as an official writes it; the server picks the id unless one is given (for scripted, repeatable creates). */
export const electionDraftInput = electionDefinitionSchema
  .extend({
    id: z.uuid().optional(),
    opensAt: isoDate.nullable().default(null),
    closesAt: isoDate.nullable().default(null),
  })
  .strict();

export const electionIdInput = z.object({ electionId: z.uuid() }).strict();

/**
 * Every official action says why: it is kept in the audit trail beside who and when, and shown
 * to voters whose ballot a fraud decision voided, so it is one line of plain text.
 */
export const reasonInput = z
  .string()
  .trim()
  .min(3, { error: "give a reason of at least 3 characters" })
  .max(500)
  .check(plainText("reason"));
