import { z } from "zod";
import { plainText } from "./plain-text";

/**
 * The texts an official writes for voters, each with its checks and length limit, in one place:
 * the definition uses them for the texts as written, and translations.ts for each translation of
 * them, so a translated text is held to exactly the same rules as the original.
 */
export const electionTitle = z.string().trim().min(1).max(200).check(plainText("title"));
export const electionDescription = z
  .string()
  .trim()
  .max(5000)
  .check(plainText("description", { lineBreaks: true }));
export const questionPrompt = z.string().trim().min(1).max(500).check(plainText("question prompt"));
export const optionLabel = z.string().trim().min(1).max(200).check(plainText("option label"));

/** Question and option ids: what ballots, receipts, tallies and the audit name; they never change with the language. */
export const elementId = z.string().regex(/^[a-z0-9-]{1,40}$/);
