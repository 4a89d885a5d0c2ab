import type { TieBreak, TieBreaker } from "./counting-method";
import { byRule, listed, orderTied, plural, seatsDecided } from "./tie-words";

/**
 * Fills `seats` from `candidates` (in ballot order, each with its total), highest totals first,
 * the way plurality, approval, score and Borda fill their seats. An equal total at the boundary
 * goes to the tie breaker (elected from the front of its order), and is recorded. `unit` names
 * what the totals count ("vote", "point"), for the record.
 */
export function electHighest(
  candidates: ReadonlyArray<{ readonly id: string; readonly total: number }>,
  seats: number,
  tieBreaker: TieBreaker,
  unit: string,
): { winners: string[]; tieBreaks: TieBreak[] } {
  // Highest first; equal totals stay in ballot order (the sort is stable).
  const ranked = [...candidates].sort((a, b) => b.total - a.total);
  const winners: string[] = [];
  const tieBreaks: TieBreak[] = [];
  for (let start = 0; start < ranked.length && winners.length < seats;) {
    let end = start;
    while (end < ranked.length && ranked[end]!.total === ranked[start]!.total) end++;
    const group = ranked.slice(start, end).map((o) => o.id);
    const left = seats - winners.length;
    if (group.length <= left) {
      winners.push(...group);
    } else {
      const deciding = seatsDecided(left, seats);
      const chosen = orderTied(tieBreaker, group, `round 1: ${deciding}`).slice(0, left);
      winners.push(...chosen);
      tieBreaks.push({
        round: 1,
        deciding,
        between: group,
        chosen,
        rule: tieBreaker.rule,
        explanation:
          `${listed(group)} tied with ${plural(ranked[start]!.total, unit)} each for ${deciding}; ` +
          `${byRule[tieBreaker.rule]}, ${listed(chosen)} ${chosen.length === 1 ? "is" : "are"} elected.`,
      });
    }
    start = end;
  }
  return { winners, tieBreaks };
}
