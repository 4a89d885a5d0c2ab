/** A held (quarantined) ballot as fraud review sees it: pseudonymous, with its review evidence. */
export interface HeldBallot {
  readonly voterKey: string;
  readonly castAt: Date | null;
  readonly deviceId: string | null;
  readonly networkBlock: string | null;
}

export type HeldGroupKind = "same-device" | "same-network" | "burst";

/** Held ballots that belong together, to be decided at once. A ballot may be in several groups. */
export interface HeldGroup {
  readonly kind: HeldGroupKind;
  /** The shared device id or network block, or the burst's first cast time (ISO). */
  readonly key: string;
  readonly voterKeys: readonly string[];
  readonly from: Date | null;
  readonly to: Date | null;
}

export interface GroupingRules {
  /** A burst: held ballots each cast within this long of the one before... */
  readonly burstGapMs: number;
  /** ...at least this many of them. */
  readonly burstMinimum: number;
}

export const DEFAULT_GROUPING: GroupingRules = { burstGapMs: 10_000, burstMinimum: 5 };

/**
 * Groups held ballots the way bot operations give themselves away: several accounts on one
 * device, several ballots from one address block, a burst of ballots in a short time. Largest
 * groups first; a ballot in no group is reviewed on its own.
 */
export function groupHeldBallots(ballots: readonly HeldBallot[], rules: GroupingRules = DEFAULT_GROUPING): HeldGroup[] {
  const groups = [
    ...sharing(ballots, "same-device", (b) => b.deviceId),
    ...sharing(ballots, "same-network", (b) => b.networkBlock),
    ...bursts(ballots, rules),
  ];
  return groups.sort(
    (a, b) => b.voterKeys.length - a.voterKeys.length || a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key),
  );
}

function sharing(
  ballots: readonly HeldBallot[],
  kind: HeldGroupKind,
  keyOf: (b: HeldBallot) => string | null,
): HeldGroup[] {
  const byKey = new Map<string, HeldBallot[]>();
  for (const ballot of ballots) {
    const key = keyOf(ballot);
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), ballot]);
  }
  return [...byKey].filter(([, members]) => members.length >= 2).map(([key, members]) => group(kind, key, members));
}

function bursts(ballots: readonly HeldBallot[], rules: GroupingRules): HeldGroup[] {
  const timed = ballots
    .filter((b): b is HeldBallot & { castAt: Date } => b.castAt !== null)
    .sort((a, b) => a.castAt.getTime() - b.castAt.getTime());
  const found: HeldGroup[] = [];
  let run: (typeof timed)[number][] = [];
  const close = () => {
    if (run.length >= rules.burstMinimum) found.push(group("burst", run[0]!.castAt.toISOString(), run));
    run = [];
  };
  for (const ballot of timed) {
    const last = run[run.length - 1];
    if (last && ballot.castAt.getTime() - last.castAt.getTime() > rules.burstGapMs) close();
    run.push(ballot);
  }
  close();
  return found;
}

function group(kind: HeldGroupKind, key: string, members: readonly HeldBallot[]): HeldGroup {
  const times = members.flatMap((m) => (m.castAt ? [m.castAt.getTime()] : []));
  return {
    kind,
    key,
    voterKeys: members.map((m) => m.voterKey),
    from: times.length ? new Date(Math.min(...times)) : null,
    to: times.length ? new Date(Math.max(...times)) : null,
  };
}
