import { type ChangeObserver, type VoteChange, type VoteStore, withholdVote } from "@landslide/vote-engine";
import type { AuditEntry } from "@landslide/vote-engine/postgres";
import {
  BallotConcentration,
  canonicalBallotFingerprints,
  CONCENTRATION_DEFAULTS,
  type ConcentrationOptions,
} from "../risk/ballot-concentration";
import type { Logger } from "../logger";

/** The reason a counted vote carries once the watch has held it with its group. */
export const WITHHELD_WITH_GROUP = "WITHHELD_WITH_GROUP";

/** Who the audit trail names for what the watch does: no person, the watch itself. */
export const WATCH_ACTOR = { actorSub: "system:coordination-watch", actor: "coordination watch" } as const;

export interface CoordinationWatchDependencies {
  readonly votes: VoteStore;
  /** The audit trail: each group the watch holds is one action, as an official's decision is. */
  readonly audit: { record(entry: AuditEntry): Promise<unknown> };
  readonly logger: Logger;
}

interface GroupToHold {
  readonly electionId: string;
  readonly networkBlock: string;
  readonly voterKeys: Set<string>;
}

/**
 * The cast-time check of ballot-concentration.ts, run over the whole votes stream beside the
 * aggregator. A vote-API task sees only its share of a block's casts and holds a group from its
 * own fifth cast on; the stream sees every task's, so a group shows as soon as it exists, and its
 * members that were counted before it showed (on any task) are taken back for review with the
 * rest: withholdVote, one conditional update each, whose change record the aggregator then takes
 * out of the count, into the fraud review and into the audit log as a withdrawal.
 *
 * It judges by the receipt's cast time, not by when a record arrives, so a lagging stream sees
 * the same groups. What it remembers is the window only: a restart forgets the last ten minutes,
 * which the cast-time check still covers for the casts to come.
 */
export class CoordinationWatch implements ChangeObserver {
  private readonly concentration: BallotConcentration;
  /** Votes this watch has held (or found decided), by election and voter, with their cast time, to forget with the window. */
  private readonly handled = new Map<string, number>();
  /** Groups whose holds failed (a throttled write, say): tried again with the next batch. */
  private pending: GroupToHold[] = [];

  constructor(
    private readonly deps: CoordinationWatchDependencies,
    private readonly options: ConcentrationOptions = CONCENTRATION_DEFAULTS,
  ) {
    this.concentration = new BallotConcentration(options);
  }

  async observe(changes: readonly VoteChange[]): Promise<void> {
    const found = new Map<string, GroupToHold>();
    let latest = 0;
    for (const change of changes) {
      // Each cast once, as it arrived; reviews move votes the watch has seen already.
      if (change.kind !== "INSERT" || !change.evidence || !change.castAt) continue;
      const at = Date.parse(change.castAt);
      latest = Math.max(latest, at);
      const scope = { election: change.electionId, block: change.evidence.networkBlock };
      const verdict = this.concentration.observe(
        { ...scope, voter: change.voterKey },
        canonicalBallotFingerprints(change.ballot),
        at,
      );
      if (change.state === "accepted") verdict.accept();
      if (!verdict.concentrated || !verdict.group) continue;
      for (const member of this.concentration.membersOf(scope, verdict.group.fingerprint)) {
        const key = `${change.electionId}\n${member.voter}`;
        if (!member.accepted || this.handled.has(key)) continue;
        this.handled.set(key, at);
        const groupKey = `${change.electionId}\n${scope.block}`;
        const group = found.get(groupKey) ?? {
          electionId: change.electionId,
          networkBlock: scope.block,
          voterKeys: new Set<string>(),
        };
        group.voterKeys.add(member.voter);
        found.set(groupKey, group);
      }
    }
    this.forgetBefore(latest - this.options.windowMs);
    const groups = [...this.pending, ...found.values()];
    this.pending = [];
    for (const group of groups) await this.hold(group);
  }

  /** Withholds the group's counted votes and records the group as one action; what failed waits for the next batch. */
  private async hold(group: GroupToHold): Promise<void> {
    const withheld: string[] = [];
    const failed = new Set<string>();
    for (const voterKey of group.voterKeys) {
      try {
        const result = await withholdVote(this.deps.votes, {
          electionId: group.electionId,
          voterKey,
          reasons: [WITHHELD_WITH_GROUP],
        });
        // Refused (an official decided it already, or it was held on arrival): nothing to take back.
        if (result.ok && result.value.changed) withheld.push(voterKey);
      } catch (error) {
        this.deps.logger.warn(
          { err: error, electionId: group.electionId },
          "withholding a counted vote failed; trying again with the next batch",
        );
        failed.add(voterKey);
      }
    }
    if (failed.size > 0) this.pending.push({ ...group, voterKeys: failed });
    if (withheld.length === 0) return;
    this.deps.logger.info(
      { electionId: group.electionId, networkBlock: group.networkBlock, withheld: withheld.length },
      "held a coordinated group's counted votes for review",
    );
    await this.recordAction(group, withheld);
  }

  private async recordAction(group: GroupToHold, withheld: readonly string[]): Promise<void> {
    try {
      await this.deps.audit.record({
        ...WATCH_ACTOR,
        action: "fraud.withhold",
        electionId: group.electionId,
        reason: `${withheld.length} counted ballot(s) held for review with their group: many ballots from one network with the same answer, far more than elsewhere.`,
        // The keys only: the network and the answer stay in the fraud review, out of the published log.
        details: { voterKeys: withheld, changed: withheld.length },
      });
    } catch (error) {
      // The votes are held (their withdrawals reach the log through the stream); only this note of who held them is missing.
      this.deps.logger.error(
        { err: error, electionId: group.electionId, voterKeys: withheld },
        "recording a held group in the audit trail failed",
      );
    }
  }

  private forgetBefore(horizon: number): void {
    for (const [key, at] of this.handled) if (at < horizon) this.handled.delete(key);
  }
}
