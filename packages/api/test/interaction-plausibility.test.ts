import { describe, expect, it } from "vitest";
import { InteractionRecorder } from "../src/client/interaction/interaction-recorder";
import { implausibleInteraction, interactionSummarySchema } from "../src/risk/interaction-plausibility";

/** A recorder fed presses at the given times (ms after the ballot showed). */
function pressedAt(times: readonly number[], kind: "press" | "key" = "press") {
  const recorder = new InteractionRecorder(0);
  for (const at of times) recorder.record(kind, at);
  return recorder;
}

describe("the interaction summary", () => {
  it("counts presses, keys, focus changes and sampled moves, and the time on the ballot", () => {
    const recorder = new InteractionRecorder(1000);
    for (let at = 1000; at < 2000; at += 10) recorder.record("move", at); // 100 moves in a second, sampled every 50 ms
    recorder.record("press", 2100);
    recorder.record("focus", 2100);
    recorder.record("key", 2900);
    expect(recorder.summary(31_000)).toEqual({
      msOnBallot: 30_000,
      pointerPresses: 1,
      pointerMoves: 20,
      keyPresses: 1,
      focusChanges: 1,
      pressGapVariation: null,
    });
  });

  it("measures how uneven the gaps between presses are: a person's are, a timer's are not", () => {
    const person = pressedAt([900, 2400, 2900, 6100, 7000, 11_800]).summary(12_000);
    const timer = pressedAt([1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750, 3000, 3250]).summary(4000);
    expect(person.pressGapVariation).toBeGreaterThan(0.5);
    expect(timer.pressGapVariation).toBe(0);
    expect(pressedAt([100, 900, 1500]).summary(2000).pressGapVariation).toBeNull(); // too few gaps to say
  });
});

describe("plausibility of a reported interaction", () => {
  const person = {
    msOnBallot: 20_000,
    pointerPresses: 4,
    pointerMoves: 120,
    keyPresses: 0,
    focusChanges: 5,
    pressGapVariation: null,
  };

  it("finds a person's report plausible: by mouse, by keyboard only, by touch with no moves, in a hurry", () => {
    expect(implausibleInteraction(person)).toBe(false);
    expect(
      implausibleInteraction({ ...person, pointerPresses: 0, pointerMoves: 0, keyPresses: 12, pressGapVariation: 0.8 }),
    ).toBe(false);
    expect(implausibleInteraction({ ...person, pointerMoves: 0 })).toBe(false);
    expect(implausibleInteraction({ ...person, msOnBallot: 2500 })).toBe(false);
    // Four quick, even clicks are a person's too: the timer rule needs eight gaps.
    expect(implausibleInteraction({ ...person, pressGapVariation: 0.05 })).toBe(false);
  });

  it("finds implausible a ballot answered without a single press, and presses on a timer", () => {
    expect(implausibleInteraction({ ...person, pointerPresses: 0, keyPresses: 0 })).toBe(true);
    expect(implausibleInteraction({ ...person, pointerPresses: 9, keyPresses: 1, pressGapVariation: 0.05 })).toBe(true);
    expect(
      implausibleInteraction(pressedAt([1000, 1250, 1500, 1750, 2000, 2250, 2500, 2750, 3000, 3250]).summary(4000)),
    ).toBe(true);
  });

  it("accepts only the summary's own fields, within bounds", () => {
    expect(interactionSummarySchema.safeParse(person).success).toBe(true);
    expect(interactionSummarySchema.safeParse({ ...person, pointerPresses: -1 }).success).toBe(false);
    expect(interactionSummarySchema.safeParse({ ...person, keyPresses: 1.5 }).success).toBe(false);
    expect(interactionSummarySchema.safeParse({ ...person, typed: "ada" }).success).toBe(false);
  });
});
