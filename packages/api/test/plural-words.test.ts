import { describe, expect, it } from "vitest";
import { countOf, plural } from "../src/client/words";

describe("counts in words", () => {
  it("uses the singular for one and the plural for any other count, zero included", () => {
    expect(countOf(1, "ballot")).toBe("1 ballot");
    expect(countOf(0, "ballot")).toBe("0 ballots");
    expect(countOf(2, "ballot")).toBe("2 ballots");
    expect(plural(1, "question")).toBe("question");
    expect(plural(3, "question")).toBe("questions");
  });

  it("groups the digits of large numbers, and takes an irregular plural", () => {
    expect(countOf(1204, "ballot")).toBe("1,204 ballots");
    expect(countOf(300_000_000, "voter")).toBe("300,000,000 voters");
    expect(countOf(2, "person", "people")).toBe("2 people");
    expect(countOf(1, "person", "people")).toBe("1 person");
  });
});
