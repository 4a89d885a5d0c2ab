import { setTimeout as sleep } from "node:timers/promises";
import {
  type AttributeValue,
  ConditionalCheckFailedException,
  PutItemCommand,
  ScanCommand,
} from "@aws-sdk/client-dynamodb";
import type { DrillRegion } from "./regions";

type Item = Record<string, AttributeValue>;

export interface ReplicationStats {
  /** Copies that created the item in the other region. */
  readonly created: number;
  /** Copies that replaced a different, older vote there: last writer wins, the other write is gone. */
  readonly replacedOlder: number;
  /** Copies refused because the other region already held that write or a newer one. */
  readonly refusedNotNewer: number;
}

/**
 * Global-table replication in multi-Region eventual consistency (MREC), between two regions.
 *
 * Each region takes its writes alone, with its own conditional put; this replicator copies every
 * item a region holds to the other one once `delayMs` have passed since it was written, and the
 * copy replaces what is there only if it was written later: last writer wins. That is how AWS
 * describes MREC: changes reach the other replicas asynchronously, typically within a second;
 * each item carries its last write time in a private system attribute, and a replicated write is
 * applied with a condition that it be newer than the item it meets (AWS Prescriptive Guidance,
 * "Overview of global tables", key facts about MREC).
 *
 * The model's stand-ins: the write time is the vote item's own `castAt` (the cast's clock reading
 * just before its put; the drill's clock gives every cast its own millisecond, so there are no
 * ties), and "new items" are found by scanning each region's table rather than from its stream.
 * A copy that reaches a region which already holds that very write is simply refused, where AWS
 * would not send it back at all.
 */
export class MrecReplicator {
  private readonly shipped = new Map<string, string>();
  private stopped = false;
  private loop: Promise<void> | undefined;
  private counts = { created: 0, replacedOlder: 0, refusedNotNewer: 0 };

  constructor(
    private readonly regions: readonly [DrillRegion, DrillRegion],
    private readonly delayMs: number,
    private readonly pollMs = 50,
  ) {}

  get stats(): ReplicationStats {
    return { ...this.counts };
  }

  /** Replicates in the background, every `pollMs`, until settle(). */
  start(): void {
    this.loop ??= (async () => {
      while (!this.stopped) {
        await this.pass(Date.now());
        await sleep(this.pollMs);
      }
    })();
  }

  /** Stops the background loop (after its current pass); replicates nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  /**
   * Stops the background loop and replicates until nothing is pending and a whole pass copies
   * nothing more: the state "after replication settles", where both regions hold the same items.
   */
  async settle(): Promise<void> {
    await this.stop();
    for (;;) {
      const { pending, attempted } = await this.pass(Date.now());
      if (pending === 0 && attempted === 0) return;
      if (pending > 0) await sleep(this.pollMs);
    }
  }

  /** One look at each region: copies every write whose delay is over and that was not copied yet. */
  private async pass(now: number): Promise<{ pending: number; attempted: number }> {
    let pending = 0;
    let attempted = 0;
    const [a, b] = this.regions;
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      const due: Item[] = [];
      for (const item of await scanAll(from)) {
        const id = `${from.name}>${text(item, "pk")}`;
        const writtenAt = text(item, "castAt");
        if (this.shipped.get(id) === writtenAt) continue;
        if (Date.parse(writtenAt) + this.delayMs > now) pending += 1;
        else due.push(item);
      }
      attempted += due.length;
      await Promise.all(
        due.map(async (item) => {
          await this.applyIfNewer(to, item);
          this.shipped.set(`${from.name}>${text(item, "pk")}`, text(item, "castAt"));
        }),
      );
    }
    return { pending, attempted };
  }

  /** The replicated write: an unconditional copy, except that an older write never replaces a newer one. */
  private async applyIfNewer(to: DrillRegion, item: Item): Promise<void> {
    try {
      const { Attributes } = await to.client.send(
        new PutItemCommand({
          TableName: to.votesTable,
          Item: item,
          ConditionExpression: "attribute_not_exists(pk) OR castAt < :writtenAt",
          ExpressionAttributeValues: { ":writtenAt": { S: text(item, "castAt") } },
          ReturnValues: "ALL_OLD",
        }),
      );
      if (Attributes) this.counts.replacedOlder += 1;
      else this.counts.created += 1;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      this.counts.refusedNotNewer += 1;
    }
  }
}

/** Every item of a region's votes table, read strongly consistently. */
export async function scanAll(region: DrillRegion): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await region.client.send(
      new ScanCommand({ TableName: region.votesTable, ConsistentRead: true, ExclusiveStartKey: startKey }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

function text(item: Item, name: string): string {
  const value = item[name]?.S;
  if (value === undefined) throw new Error(`vote item lacks ${name}`);
  return value;
}
