import { approval } from "./approval";
import { borda } from "./borda";
import type { MarksKind, MethodName } from "./counting-method";
import { instantRunoff } from "./instant-runoff";
import { plurality } from "./plurality";
import { rankedPairs } from "./ranked-pairs";
import { schulze } from "./schulze";
import { scoreVoting } from "./score";
import { star } from "./star";
import { stvMeek } from "./stv-meek";
import { stvScottish } from "./stv-scottish";

export * from "./counting-method";
export { lotTieBreaker, optionOrderTieBreaker, recordedDrawTieBreaker } from "./tie-breakers";

/** Every counting method by the name a question gives: adding a method is its file and a line here. */
export const countingMethods = {
  plurality,
  approval,
  "instant-runoff": instantRunoff,
  "stv-meek": stvMeek,
  "stv-scottish": stvScottish,
  schulze,
  "ranked-pairs": rankedPairs,
  score: scoreVoting,
  star,
  borda,
} as const satisfies Record<MethodName, { readonly name: MethodName; readonly marks: MarksKind }>;
