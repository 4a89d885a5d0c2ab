import { describe, expect, it } from "vitest";
import { buttonAfterMove } from "../src/focus-after-move";

describe("which button keeps focus after a row of a re-ordered list moves", () => {
  it("is the one pressed while the row can go further that way", () => {
    expect(buttonAfterMove(2, 1, 4)).toBe("up");
    expect(buttonAfterMove(1, 2, 4)).toBe("down");
  });

  it("is the other one once the row reaches the top or the bottom, where the pressed one is disabled", () => {
    expect(buttonAfterMove(1, 0, 4)).toBe("down");
    expect(buttonAfterMove(2, 3, 4)).toBe("up");
    // Dragged straight to an end, as a mouse may.
    expect(buttonAfterMove(3, 0, 4)).toBe("down");
    expect(buttonAfterMove(0, 3, 4)).toBe("up");
  });
});
