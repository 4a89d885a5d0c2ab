import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { DRAWABLE_RANGES, drawableText } from "../src/results/og-glyphs";
import { questionSummaries, resultsDescription } from "../src/results/share-summary";

/** The code points a TrueType font maps to a glyph (its cmap's format 4 and 12 subtables). */
function characterMap(font: Buffer): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  let cmap = -1;
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + i * 16;
    if (font.toString("latin1", record, record + 4) === "cmap") cmap = view.getUint32(record + 8);
  }
  const mapped = new Set<number>();
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const table = cmap + view.getUint32(cmap + 4 + i * 8 + 4);
    const format = view.getUint16(table);
    if (format === 4) {
      const segments = view.getUint16(table + 6) / 2;
      const ends = table + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const offsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const [start, end] = [view.getUint16(starts + 2 * s), view.getUint16(ends + 2 * s)];
        const [delta, offset] = [view.getInt16(deltas + 2 * s), view.getUint16(offsets + 2 * s)];
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const glyph = offset === 0 ? c : view.getUint16(offsets + 2 * s + offset + 2 * (c - start));
          if (glyph !== 0 && ((glyph + delta) & 0xffff) !== 0) mapped.add(c);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < view.getUint32(table + 12); g++) {
        const group = table + 16 + g * 12;
        for (let c = view.getUint32(group); c <= view.getUint32(group + 4); c++) mapped.add(c);
      }
    }
  }
  return mapped;
}

describe("the characters the results preview draws", () => {
  it("are all in the font next/og ships, so drawing them downloads nothing", () => {
    const require = createRequire(import.meta.url);
    const og = require.resolve("next/dist/compiled/@vercel/og/package.json");
    const mapped = characterMap(readFileSync(og.replace(/package\.json$/, "Geist-Regular.ttf")));
    const missing: string[] = [];
    for (const [from, to] of DRAWABLE_RANGES)
      for (let c = from; c <= to; c++) if (!mapped.has(c)) missing.push(c.toString(16));
    expect(missing).toEqual([]);
  });

  it("keeps Latin and Cyrillic text (and the Greek the font has) and replaces what the font lacks or would be drawn as an emoji", () => {
    expect(drawableText("Zoë’s “ferry” — Ταμείο? Дом")).toBe("Zoë’s “ferry” — ??μ???? Дом");
    expect(drawableText("港湾 🚢 ™ ☺")).toBe("?? ? ? ?");
  });
});

describe("a shared link's summary", () => {
  const results = {
    turnout: 10,
    questions: [
      {
        id: "mascot",
        kind: "single",
        prompt: "Mascot?",
        abstentions: 0,
        options: [
          { id: "a", label: "Ada", votes: 3 },
          { id: "b", label: "Bo", votes: 6 },
          { id: "c", label: "Cy", votes: 1 },
        ],
      },
    ],
  };

  it("lists the leading options first with their shares", () => {
    const [mascot] = questionSummaries(results, 2);
    expect(mascot!.options).toEqual([
      { label: "Bo", share: "60.0%", width: 0.6, leading: true },
      { label: "Ada", share: "30.0%", width: 0.3, leading: false },
    ]);
  });

  it("says who leads, or who won, in one line", () => {
    expect(resultsDescription(results, false)).toBe("Live results: 10 ballots counted. Mascot? Bo leads with 60.0%.");
    expect(resultsDescription(results, true)).toBe(
      "Final result: 10 ballots counted. Mascot? Bo has the most votes with 60.0%.",
    );
  });
});
