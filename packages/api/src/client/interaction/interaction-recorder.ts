/**
 * How a ballot was filled in, summarised in the browser: counts and the spread of the gaps between
 * presses, nothing else. No coordinates, no keys, no text, no timestamps leave the page: enough for
 * the server to tell a hand from a script that never touched the page, not enough to tell one
 * person from another. Sent with the cast, inside what the device proof signs.
 */
export interface InteractionSummary {
  /** From the ballot's first render to the cast. */
  readonly msOnBallot: number;
  /** Presses by mouse, pen or finger (pointerdown). */
  readonly pointerPresses: number;
  /** Pointer movements, counted at most once per MOVE_SAMPLE_MS (a finger on glass makes none). */
  readonly pointerMoves: number;
  readonly keyPresses: number;
  /** Focus moving between fields (Tab, clicks, a screen reader's cursor). */
  readonly focusChanges: number;
  /**
   * The gaps between consecutive presses (pointer or key): their standard deviation over their
   * mean. People are uneven (about 0.5 to 1.5); a script that presses on a timer is not. Null below
   * MIN_GAPS gaps, where it says nothing.
   */
  readonly pressGapVariation: number | null;
}

export type InteractionKind = "press" | "key" | "move" | "focus";

const MOVE_SAMPLE_MS = 50;
export const MIN_GAPS = 4;

/** Counts what the page hears, without the DOM, so it is tested as plain logic. */
export class InteractionRecorder {
  private readonly counts = { press: 0, key: 0, move: 0, focus: 0 };
  private readonly pressTimes: number[] = [];
  private lastMove = Number.NEGATIVE_INFINITY;

  constructor(private readonly startedAt: number) {}

  record(kind: InteractionKind, at: number): void {
    if (kind === "move") {
      if (at - this.lastMove < MOVE_SAMPLE_MS) return;
      this.lastMove = at;
    }
    this.counts[kind] += 1;
    if (kind === "press" || kind === "key") this.pressTimes.push(at);
  }

  summary(now: number): InteractionSummary {
    return {
      msOnBallot: Math.max(0, Math.round(now - this.startedAt)),
      pointerPresses: this.counts.press,
      pointerMoves: this.counts.move,
      keyPresses: this.counts.key,
      focusChanges: this.counts.focus,
      pressGapVariation: gapVariation(this.pressTimes),
    };
  }
}

function gapVariation(times: readonly number[]): number | null {
  const sorted = [...times].sort((a, b) => a - b);
  const gaps = sorted.slice(1).map((t, i) => t - sorted[i]!);
  if (gaps.length < MIN_GAPS) return null;
  const mean = gaps.reduce((sum, g) => sum + g, 0) / gaps.length;
  if (mean === 0) return 0;
  const variance = gaps.reduce((sum, g) => sum + (g - mean) ** 2, 0) / gaps.length;
  return Math.round((Math.sqrt(variance) / mean) * 1000) / 1000;
}
