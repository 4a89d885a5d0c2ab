import type { ElectionCopies } from "@landslide/vote-engine";
import type { ElectionsRepository } from "@landslide/vote-engine/postgres";
import type { Logger } from "../logger";

/** How often every election is sent to the data plane again, in case a control-API publish was lost. */
export const RECONCILE_EVERY_MS = 5000;

/**
 * The control API publishes each change as it makes it; this sends every election again now and
 * then, so one that failed to publish (DynamoDB briefly unreachable, a task killed between its
 * commit and its publish) or predates the copies reaches the data plane within RECONCILE_EVERY_MS.
 * A copy that already holds the version is left alone (the write is conditional).
 */
export function reconcileElectionCopies(deps: {
  readonly copies: ElectionCopies;
  readonly repository: () => ElectionsRepository;
  readonly logger: Logger;
}): { stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const round = async () => {
    try {
      const published: string[] = [];
      for (const election of await deps.repository().list()) {
        if ((await deps.copies.publish(election)) === "published") published.push(election.id);
      }
      if (published.length > 0)
        deps.logger.info({ elections: published }, "published elections the data plane had not seen");
    } catch (error) {
      deps.logger.warn({ err: error }, "reconciling the data plane's election copies failed; trying again");
    }
    if (!stopped) timer = setTimeout(round, RECONCILE_EVERY_MS);
  };
  void round();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
