/**
 * The ceilings the load runs into: AWS quotas at their published defaults (raised by asking AWS),
 * our own configured limits (raised by a deployment), and limits of the design or of DynamoDB's
 * partitions (raised only by changing code). `--limit <id>=<value>` sets one, e.g. after a quota
 * increase: `--limit fargate-vcpu=4000`.
 */

export type CeilingKind = "quota" | "configuration" | "design";

export interface Ceiling {
  readonly value: number;
  readonly unit: string;
  readonly kind: CeilingKind;
  readonly source: string;
}

export const CEILINGS = {
  "fargate-vcpu": {
    value: 6,
    unit: "vCPU per Region",
    kind: "quota",
    source:
      "AWS General Reference, Amazon ECS endpoints and quotas: Fargate On-Demand vCPU resource count, 6 per Region by default (new accounts may start lower)",
  },
  "table-write-units": {
    value: 40_000,
    unit: "write units/s per table per Region",
    kind: "quota",
    source: "DynamoDB quotas: on-demand table-level throughput, 40,000 write request units per table",
  },
  "table-read-units": {
    value: 40_000,
    unit: "read units/s per table per Region",
    kind: "quota",
    source: "DynamoDB quotas: on-demand table-level throughput, 40,000 read request units per table",
  },
  "partition-write-units": {
    value: 1_000,
    unit: "write units/s per partition",
    kind: "design",
    source: "DynamoDB: a partition (so any one item or partition key) takes at most 1,000 write units/s",
  },
  "partition-read-units": {
    value: 3_000,
    unit: "read units/s per partition",
    kind: "design",
    source: "DynamoDB: a partition (so any one item or partition key) serves at most 3,000 read units/s",
  },
  "cloudfront-rps": {
    value: 250_000,
    unit: "requests/s per distribution",
    kind: "quota",
    source: "CloudFront quotas: requests per second per distribution, 250,000",
  },
  "cloudfront-gbps": {
    value: 150,
    unit: "Gbit/s per distribution",
    kind: "quota",
    source: "CloudFront quotas: data transfer rate per distribution, 150 Gbps",
  },
  "alb-reserved-lcu": {
    value: 15_000,
    unit: "LCU reservable per load balancer",
    kind: "quota",
    source:
      "Elastic Load Balancing quotas: reserved Application Load Balancer capacity units per load balancer, 15,000 (an LCU: 25 new connections/s, 3,000 active connections, 1 GB/h processed)",
  },
  "vote-api-max-tasks": {
    value: 240,
    unit: "vote-API tasks",
    kind: "configuration",
    source: "infra/lib/parameters.ts: prod voteApi maxTasks",
  },
  "results-max-tasks": {
    value: 60,
    unit: "results tasks",
    kind: "configuration",
    source: "infra/lib/parameters.ts: prod results maxTasks",
  },
  "aggregator-records": {
    value: 12_373,
    unit: "change records/s through the aggregator",
    kind: "design",
    source:
      "an upper bound: one aggregator loop drains every stream shard in turn (its tasks compete for the same shards) and checks each record's Ed25519 signature, 12,373 verifications/s on one core (`openssl speed ed25519`, docs/performance.md); its DynamoDB and Postgres round trips are not measured",
  },
} as const satisfies Record<string, Ceiling>;

export type CeilingId = keyof typeof CEILINGS;
export const CEILING_IDS = Object.keys(CEILINGS) as CeilingId[];
export type Ceilings = Record<CeilingId, number>;

export const defaultCeilings = (): Ceilings =>
  Object.fromEntries(CEILING_IDS.map((id) => [id, CEILINGS[id].value])) as Ceilings;
