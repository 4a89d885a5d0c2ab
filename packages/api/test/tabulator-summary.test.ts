import { describe, expect, it } from "vitest";
import { z } from "zod";
import { countQuestion, type Question } from "@landslide/vote-engine";
import { nodeEntropy } from "@landslide/vote-engine/node-crypto";
import { tabulatorSummary } from "../src/client/index";

/**
 * The universal tabulator format's JSON Schema (rcvformats, universaltabulator.schema.json), as
 * zod: closed objects, a date, and votes as decimal strings. What outside tools validate against.
 */
const decimalAsString = z.union([z.string().regex(/^\d*[.]?\d*$/), z.number()]);
const universalTabulator = z
  .object({
    config: z
      .object({
        contest: z.string(),
        date: z.iso.date(),
        jurisdiction: z.string().optional(),
        office: z.string().optional(),
        threshold: decimalAsString.optional(),
      })
      .strict(),
    results: z.array(
      z
        .object({
          round: z.number().min(1),
          tally: z.record(z.string(), decimalAsString),
          tallyResults: z.array(
            z.union([
              z.object({ elected: z.string(), transfers: z.record(z.string(), decimalAsString) }).strict(),
              z.object({ eliminated: z.string(), transfers: z.record(z.string(), decimalAsString) }).strict(),
            ]),
          ),
        })
        .strict(),
    ),
  })
  .strict();

const question = (counting: Question["counting"]): Question => ({
  id: "mayor",
  kind: "ranked",
  prompt: "Mayor",
  options: ["a", "b", "c", "d"].map((id) => ({ id, label: `Candidate ${id.toUpperCase()}` })),
  minChoices: 1,
  maxChoices: 4,
  ...(counting ? { counting } : {}),
});
const ballots = (groups: ReadonlyArray<[number, string[]]>) =>
  groups.map(([weight, ranking]) => ({ marks: { ranking }, weight }));
const countedAt = new Date("2026-12-04T21:00:00Z");

describe("a count as a certified tabulator's round-by-round summary", () => {
  it("writes an instant runoff's rounds, eliminations and transfers (exhausted ballots too) in the universal format", () => {
    const q = question(undefined);
    // D goes first and passes to C; C then trails B on the look-back and passes 2 to B, 1 exhausted.
    const count = countQuestion(
      {},
      q,
      ballots([
        [4, ["a"]],
        [3, ["b", "c"]],
        [2, ["c", "b"]],
        [1, ["d", "c"]],
      ]),
      nodeEntropy.sha256,
    );
    const summary = universalTabulator.parse(
      tabulatorSummary({ title: "City election", question: q }, count, countedAt),
    );
    expect(summary.config).toEqual({ contest: "City election: Mayor", date: "2026-12-04", office: "Mayor" });
    expect(summary.results.map((r) => r.round)).toEqual([1, 2, 3]);
    expect(summary.results[0]).toMatchObject({
      tally: { "Candidate A": "4", "Candidate B": "3", "Candidate C": "2", "Candidate D": "1" },
      tallyResults: [{ eliminated: "Candidate D", transfers: { "Candidate C": "1" } }],
    });
    expect(summary.results[1]!.tallyResults).toEqual([
      { eliminated: "Candidate C", transfers: { "Candidate B": "2", exhausted: "1" } },
    ]);
    expect(summary.results[2]!.tallyResults).toEqual([{ elected: "Candidate B", transfers: {} }]);
  });

  it("writes STV's fractional transfers and quota as plain decimals, which the format's schema accepts", () => {
    const q = question({ method: "stv-meek", seats: 2 });
    const count = countQuestion(
      {},
      q,
      ballots([
        [5, ["a", "b"]],
        [2, ["a", "c"]],
        [2, ["c"]],
        [1, ["d", "b"]],
      ]),
      nodeEntropy.sha256,
    );
    const summary = universalTabulator.parse(tabulatorSummary({ title: "Board", question: q }, count, countedAt));
    expect(summary.config.threshold).toMatch(/^\d+(\.\d+)?$/);
    const everyFigure = summary.results.flatMap((r) => [
      ...Object.values(r.tally),
      ...r.tallyResults.flatMap((t) => Object.values(t.transfers)),
    ]);
    expect(everyFigure.some((figure) => String(figure).includes("."))).toBe(true);
    expect(everyFigure.every((figure) => !String(figure).includes("e"))).toBe(true);
    const elected = summary.results.flatMap((r) => r.tallyResults.flatMap((t) => ("elected" in t ? [t.elected] : [])));
    expect(elected).toEqual(count.winners.map((id) => `Candidate ${id.toUpperCase()}`));
  });
});
