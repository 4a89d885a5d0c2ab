/**
 * The unit prices the cost estimate multiplies by: one table, one Region, one date. Each can be
 * replaced with `--price <id>=<usd>` (for another Region, a discount, or a newer price list).
 *
 * Taken from AWS's public pricing pages for US East (N. Virginia), the Region those pages quote
 * in their text: the DynamoDB on-demand page (after the November 2024 cut, when replicated
 * writes came to cost what single-Region writes cost), the Fargate page (Linux/ARM, the
 * deployment's `cpuArchitecture`) and the CloudFront page (data transfer out to the internet,
 * United States and Europe, first 10 TB a month). Read on 2026-12-04 from stored copies of those
 * pages: this machine cannot reach aws.amazon.com. The deployment's primary Region is eu-west-1,
 * whose DynamoDB prices are a little higher: give them with --price before relying on a total.
 */

export interface UnitPrice {
  readonly usd: number;
  readonly per: string;
  readonly page: string;
}

export const PRICE_LIST = {
  region: "us-east-1",
  takenOn: "2026-12-04",
  prices: {
    "dynamodb-write": {
      usd: 0.625,
      per: "million write request units (on-demand)",
      page: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
    },
    "dynamodb-replicated-write": {
      usd: 0.625,
      per: "million replicated write request units (global tables, on-demand)",
      page: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
    },
    "dynamodb-read": {
      usd: 0.125,
      per: "million read request units (on-demand)",
      page: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
    },
    "dynamodb-storage": {
      usd: 0.25,
      per: "GB-month of table storage (Standard table class)",
      page: "https://aws.amazon.com/dynamodb/pricing/on-demand/",
    },
    "fargate-vcpu": {
      usd: 0.03238,
      per: "vCPU-hour (Linux/ARM)",
      page: "https://aws.amazon.com/fargate/pricing/",
    },
    "fargate-memory": {
      usd: 0.00356,
      per: "GB-hour (Linux/ARM)",
      page: "https://aws.amazon.com/fargate/pricing/",
    },
    "transfer-out": {
      usd: 0.085,
      per: "GB out to the internet through CloudFront (US and Europe, first 10 TB)",
      page: "https://aws.amazon.com/cloudfront/pricing/",
    },
  },
} as const satisfies { region: string; takenOn: string; prices: Record<string, UnitPrice> };

export type PriceId = keyof typeof PRICE_LIST.prices;
export const PRICE_IDS = Object.keys(PRICE_LIST.prices) as PriceId[];

/** USD per unit, by id: the list's, with any `--price` over it. */
export type Prices = Record<PriceId, number>;

export const listPrices = (): Prices =>
  Object.fromEntries(PRICE_IDS.map((id) => [id, PRICE_LIST.prices[id].usd])) as Prices;
