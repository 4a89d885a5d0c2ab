import type { WeightedBallot } from "../../../src/tally/counting/counting-method";

/** The random ranked elections both STV tests compare with their references. */

type Ranked = { readonly ranking: readonly string[] };
export const ballot = (weight: number, ...ranking: string[]): WeightedBallot<Ranked> => ({
  marks: { ranking },
  weight,
});

/** Seeded PRNG (mulberry32): the random elections are the same on every run. */
export function prng(seed: number): (lo: number, hi: number) => number {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
}

export function randomBallots(
  int: (lo: number, hi: number) => number,
  options: readonly string[],
  n: number,
  maxWeight: number,
) {
  return Array.from({ length: n }, () => {
    const pool = [...options];
    const ranking = Array.from({ length: int(0, options.length) }, () => pool.splice(int(0, pool.length - 1), 1)[0]!);
    return ballot(int(1, maxWeight), ...ranking);
  });
}
