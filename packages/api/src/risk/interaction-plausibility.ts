import { z } from "zod";
import { MIN_GAPS } from "../client/interaction/interaction-recorder";

const count = z.number().int().min(0).max(1_000_000);

/** The voter site's summary of how the ballot was filled in (client/interaction/interaction-recorder.ts), as the cast carries it. */
export const interactionSummarySchema = z
  .object({
    msOnBallot: z.number().int().min(0).max(86_400_000),
    pointerPresses: count,
    pointerMoves: count,
    keyPresses: count,
    focusChanges: count,
    pressGapVariation: z.number().min(0).max(100).nullable(),
  })
  .strict();

export type ReportedInteraction = z.infer<typeof interactionSummarySchema>;

/** Below this spread of gaps, over enough presses, the presses came on a timer (people: about 0.5 to 1.5). */
export const MECHANICAL_GAP_VARIATION = 0.1;
/** Enough gaps for the spread to mean something: a timer shows over eight presses, a person's four quick clicks may not. */
const MECHANICAL_MIN_GAPS = 2 * MIN_GAPS;

/**
 * Whether the reported way of filling in the ballot is one no person on the voter site produces:
 * not a single press or key (a ballot cannot be answered on the page without one: a mouse, a
 * finger, a keyboard, a switch or a voice command all press), or presses as evenly spaced as a
 * timer's. A hint from the client, like everything it says of itself: a farm that knows the rule
 * can report a plausible summary, so it weighs as one weak signal and is never asked for (an SDK
 * cast carries none and is not scored for it).
 */
export function implausibleInteraction(reported: ReportedInteraction): boolean {
  if (reported.pointerPresses + reported.keyPresses === 0) return true;
  const presses = reported.pointerPresses + reported.keyPresses;
  return (
    reported.pressGapVariation !== null &&
    presses - 1 >= MECHANICAL_MIN_GAPS &&
    reported.pressGapVariation < MECHANICAL_GAP_VARIATION
  );
}
