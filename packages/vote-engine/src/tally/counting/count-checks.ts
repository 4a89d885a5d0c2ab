/** The checks every method makes of what it is given: a count never goes on with input it cannot count exactly. */

export function checkOptions(options: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of options) {
    if (seen.has(id)) throw new Error(`option "${id}" is listed twice`);
    seen.add(id);
  }
}

export function checkSeats(seats: number): void {
  if (!Number.isSafeInteger(seats) || seats < 1) throw new Error(`seats must be a positive integer, not ${seats}`);
}

export function checkWeight(weight: number): void {
  if (!Number.isSafeInteger(weight) || weight < 1) {
    throw new Error(`a ballot's weight must be a positive integer, not ${weight}`);
  }
}

/** a + b, refused past the integers a double holds exactly (the count would silently round). */
export function addExactly(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw new Error("the count adds up past exact integer arithmetic");
  return sum;
}
