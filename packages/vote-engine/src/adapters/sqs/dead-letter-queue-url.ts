import type { Config } from "@landslide/config";

/** The account id the local SQS server puts in queue URLs (local-stack's SQS_LOCAL_ACCOUNT_ID). */
const LOCAL_ACCOUNT_ID = "000000000000";

/**
 * The aggregator's dead-letter queue: LANDSLIDE_AGGREGATOR_DLQ_URL on AWS (infra passes the
 * queue it declares); otherwise the local server's queue named after the table prefix, so that
 * stacks side by side (tests, the chaos drill) never share one.
 */
export function deadLetterQueueUrl(config: Pick<Config, "aggregator" | "aws">): string | undefined {
  if (config.aggregator.deadLetterQueueUrl) return config.aggregator.deadLetterQueueUrl;
  const endpoint = config.aws.sqsEndpoint?.replace(/\/+$/, "");
  return endpoint ? `${endpoint}/${LOCAL_ACCOUNT_ID}/${config.aws.tablePrefix}-aggregator-dead-letters` : undefined;
}

/** A queue's name: the last segment of its URL. */
export function queueNameOf(queueUrl: string): string {
  const name = new URL(queueUrl).pathname.split("/").filter(Boolean).at(-1);
  if (!name) throw new Error(`${queueUrl} is not an SQS queue URL`);
  return name;
}
