import type { DynamoDbNetworkLists, NetworkListInfo } from "@landslide/vote-engine/dynamodb";
import type { Logger } from "../logger";
import { type NetworkCategory, networkCategories } from "./network-categories";
import { type NetworkIntervals, type NetworkRanges, rangeLookup } from "./network-ranges";

const EMPTY = rangeLookup([]);

/**
 * The imported network lists as this task knows them, refreshed in the background: one query a
 * refresh tells which lists are live, and only a list whose live import changed is read again.
 * A cast never waits for it; until the first read answers (or while the table cannot be read) the
 * task judges by the lists it last had, and logs why.
 */
export class NetworkReputation {
  private byCategory: Record<NetworkCategory, NetworkRanges> = { hosting: EMPTY, anonymizer: EMPTY, abuse: EMPTY };
  private loaded = new Map<string, { readonly info: NetworkListInfo; readonly intervals: NetworkIntervals }>();
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly lists: Pick<DynamoDbNetworkLists, "list" | "content">,
    private readonly options: { readonly refreshMs: number; readonly logger: Logger },
  ) {}

  /** Whether the address is in an imported list of the category (starts the refreshes if the service has not). */
  has(category: NetworkCategory, ip: string): boolean {
    this.start();
    return this.byCategory[category].has(ip);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.refresh(), this.options.refreshMs);
    this.timer.unref();
    void this.refresh();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reads what changed; one refresh at a time. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readChanges()
      .catch((error: unknown) =>
        this.options.logger.warn(
          { err: error },
          "reading the network lists failed; casts are judged by the lists this task last read",
        ),
      )
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async readChanges(): Promise<void> {
    const live = await this.lists.list();
    const next = new Map<string, { readonly info: NetworkListInfo; readonly intervals: NetworkIntervals }>();
    for (const info of live) {
      const known = this.loaded.get(info.name);
      if (known && known.info.importId === info.importId && known.info.category === info.category)
        next.set(info.name, known);
      else next.set(info.name, { info, intervals: joinParts(await this.lists.content(info)) });
    }
    const changed = next.size !== this.loaded.size || [...next].some(([name, list]) => this.loaded.get(name) !== list);
    if (!changed) return;
    this.loaded = next;
    const of = (category: NetworkCategory) =>
      rangeLookup([...next.values()].filter((list) => list.info.category === category).map((list) => list.intervals));
    this.byCategory = Object.fromEntries(networkCategories.map((category) => [category, of(category)])) as Record<
      NetworkCategory,
      NetworkRanges
    >;
    this.options.logger.info(
      {
        lists: [...next.values()].map(({ info }) => ({
          name: info.name,
          category: info.category,
          ranges: info.ranges,
        })),
      },
      "network lists loaded",
    );
  }
}

/** A stored list's parts (each the JSON of a NetworkIntervals, as the control API wrote it) as one. */
function joinParts(parts: readonly string[]): NetworkIntervals {
  const v4: Array<readonly [number, number]> = [];
  const v6: Array<readonly [string, string]> = [];
  for (const part of parts) {
    const intervals = JSON.parse(part) as NetworkIntervals;
    v4.push(...intervals.v4);
    v6.push(...intervals.v6);
  }
  return { v4, v6 };
}
