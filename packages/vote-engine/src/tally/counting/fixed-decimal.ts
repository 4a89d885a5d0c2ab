/**
 * Fixed-decimal arithmetic for the counts whose published rules prescribe it: Meek STV works to 9
 * decimal places, Scottish STV to 5. A value is a BigInt counting units of 10^-places, so every
 * sum is exact, every product or quotient is rounded exactly where (and in the direction) the rule
 * says, and a recount anywhere reproduces the count digit for digit. Floating point could not
 * promise that: the same sum taken in another order may differ in its last bit.
 *
 * Every value these counts hold is a number of votes or a weight between 0 and 1, never negative;
 * only the differences reported as transfers may be, and `format` and `toNumber` handle their sign.
 */
export interface FixedDecimal {
  readonly places: number;
  /** The value 1 (10^places units). */
  readonly one: bigint;
  /** A whole number of votes (a ballot weight, a count of ballots) as a fixed value. */
  fromInteger(n: number | bigint): bigint;
  /** a × b, rounded up to the last place. */
  mulUp(a: bigint, b: bigint): bigint;
  /** a ÷ b, rounded up to the last place. */
  divUp(a: bigint, b: bigint): bigint;
  /** a × b ÷ c with one rounding, the digits past the last place dropped (truncated). */
  mulDivDown(a: bigint, b: bigint, c: bigint): bigint;
  /** The exact decimal text, e.g. "1000.750000001". */
  format(a: bigint): string;
  /** As a Number for reports: the nearest double to the exact decimal. */
  toNumber(a: bigint): number;
}

export function fixedDecimal(places: number): FixedDecimal {
  if (!Number.isInteger(places) || places < 0) throw new Error("fixed decimal places must be a whole number");
  const one = 10n ** BigInt(places);
  const format = (a: bigint): string => {
    const sign = a < 0n ? "-" : "";
    const magnitude = a < 0n ? -a : a;
    if (places === 0) return `${sign}${magnitude}`;
    const whole = magnitude / one;
    const fraction = (magnitude % one).toString().padStart(places, "0");
    return `${sign}${whole}.${fraction}`;
  };
  return {
    places,
    one,
    fromInteger: (n) => BigInt(n) * one,
    mulUp: (a, b) => ceilDivide(a * b, one),
    divUp: (a, b) => ceilDivide(a * one, b),
    // (a·10^p)(b·10^p) ÷ (c·10^p) is (a·b÷c)·10^p units: the product is exact, so only the
    // division rounds.
    mulDivDown: (a, b, c) => floorDivide(a * b, c),
    format,
    // Parsing the exact decimal text rounds once, to the nearest double; Number(a) / 10^places
    // would round twice when a is past 2^53.
    toNumber: (a) => Number(format(a)),
  };
}

/** ⌊n ÷ d⌋ for n ≥ 0, d > 0 (BigInt division truncates, which is the floor for these). */
function floorDivide(n: bigint, d: bigint): bigint {
  if (d <= 0n || n < 0n) throw new Error("fixed-decimal division takes a non-negative dividend and a positive divisor");
  return n / d;
}

/** ⌈n ÷ d⌉ for n ≥ 0, d > 0. */
function ceilDivide(n: bigint, d: bigint): bigint {
  const quotient = floorDivide(n, d);
  return quotient * d === n ? quotient : quotient + 1n;
}
