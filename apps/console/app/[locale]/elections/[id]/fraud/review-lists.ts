import type { RouterOutputs } from "@landslide/api/client";

export type FraudReview = RouterOutputs["official"]["fraud"]["groups"];
export type Case = FraudReview["cases"][number];
export type Group = FraudReview["groups"][number];

/** A group as the page lists it: the held ballots listed under it, and the other groups they are also in. */
export interface ListedGroup {
  readonly group: Group;
  readonly members: readonly Case[];
  /** Other groups some of these ballots also belong to (listed elsewhere or not at all), and how many. */
  readonly alsoIn: readonly { readonly group: Group; readonly shared: number }[];
}

export interface ReviewLists {
  readonly groups: readonly ListedGroup[];
  /** Held ballots in no listed group, in cast order. */
  readonly alone: readonly Case[];
  /** Released or voided, in cast order. */
  readonly decided: readonly Case[];
  /** Each ballot's number in the election's cast order ("Ballot 3"): stable while decisions are made. */
  readonly numbers: ReadonlyMap<string, number>;
}

const time = (c: Case) => (c.castAt ? new Date(c.castAt).getTime() : Number.POSITIVE_INFINITY);
const castOrder = (a: Case, b: Case) => time(a) - time(b) || a.voterKey.localeCompare(b.voterKey);

/**
 * Splits the held ballots into lists so that each is listed exactly once. The API's groups overlap
 * (a bot's ballot is often in its device's group and in a burst): each ballot goes to the first
 * group that has it (the largest, as the API orders them), a group left with fewer than two is not
 * a group any more, and what no group keeps is listed alone. The overlaps are kept as evidence.
 */
export function reviewLists(cases: readonly Case[], groups: readonly Group[]): ReviewLists {
  const ordered = [...cases].sort(castOrder);
  const numbers = new Map(ordered.map((c, i) => [c.voterKey, i + 1]));
  const held = new Map(ordered.filter((c) => c.state === "quarantined").map((c) => [c.voterKey, c]));
  const listedIn = new Map<string, Group>();
  const listed: { group: Group; members: Case[] }[] = [];
  for (const group of groups) {
    const members = group.voterKeys.flatMap((key) => {
      const found = held.get(key);
      return found && !listedIn.has(key) ? [found] : [];
    });
    if (members.length < 2) continue;
    for (const member of members) listedIn.set(member.voterKey, group);
    listed.push({ group, members: members.sort(castOrder) });
  }
  return {
    groups: listed.map(({ group, members }) => {
      const keys = new Set(members.map((m) => m.voterKey));
      const alsoIn = groups.flatMap((other) => {
        if (other === group) return [];
        const shared = other.voterKeys.filter((key) => keys.has(key)).length;
        return shared > 0 ? [{ group: other, shared }] : [];
      });
      return { group, members, alsoIn };
    }),
    alone: [...held.values()].filter((c) => !listedIn.has(c.voterKey)),
    decided: ordered.filter((c) => c.state !== "quarantined"),
    numbers,
  };
}

/** How many of `members` each hold reason concerns, most common first. */
export function reasonCounts(members: readonly Case[]): [reason: string, count: number][] {
  const counts = new Map<string, number>();
  for (const member of members) for (const reason of member.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
