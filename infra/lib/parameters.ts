import { z } from "zod";

/**
 * The settings of one deployment environment, validated before any construct is built.
 * Every number that sizes production lives here, next to the arithmetic that chose it, so a
 * change to capacity is a reviewed change to this file (docs/operations.md repeats the sums).
 */

const awsRegion = (what: string) =>
  z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: `${what} must be an AWS region such as eu-west-1` });

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(max, { error: `${what} must be at most ${max}` });

const hostname = (what: string) =>
  z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    error: `${what} must be a lower-case DNS name such as vote.example.org`,
  });

/** Fargate accepts only these CPU/memory pairs; the common ones for our services. */
const taskSizes = {
  "0.5vCPU-1GB": { cpu: 512, memoryMiB: 1024 },
  "1vCPU-2GB": { cpu: 1024, memoryMiB: 2048 },
  "2vCPU-4GB": { cpu: 2048, memoryMiB: 4096 },
  "4vCPU-8GB": { cpu: 4096, memoryMiB: 8192 },
} as const;
export type TaskSize = keyof typeof taskSizes;
export const taskSize = (size: TaskSize) => taskSizes[size];

const serviceSizing = z
  .object({
    size: z.enum(Object.keys(taskSizes) as [TaskSize, ...TaskSize[]], {
      error: `size must be one of ${Object.keys(taskSizes).join(", ")}`,
    }),
    minTasks: wholeNumber("minTasks", 1, 1000),
    maxTasks: wholeNumber("maxTasks", 1, 1000),
    /** Average CPU the target-tracking policy holds; below 100 so a burst lands on headroom, not on a queue. */
    targetCpuPercent: wholeNumber("targetCpuPercent", 10, 90),
    /** ALBRequestCountPerTarget target: requests per task per MINUTE (the metric's unit). Absent for the aggregator, which has no load balancer. */
    requestsPerTaskPerMinute: wholeNumber("requestsPerTaskPerMinute", 60, 10_000_000).optional(),
  })
  .refine((s) => s.minTasks <= s.maxTasks, { error: "minTasks must not exceed maxTasks" });
export type ServiceSizing = z.infer<typeof serviceSizing>;

/** Warm throughput: DynamoDB pre-provisions partitions for this many units/s, so an on-demand table takes the opening surge at once. */
const warmThroughput = z.object({
  // DynamoDB's floor for warm throughput is 12,000 reads and 4,000 writes per second.
  readUnitsPerSecond: wholeNumber("readUnitsPerSecond", 12_000, 10_000_000),
  writeUnitsPerSecond: wholeNumber("writeUnitsPerSecond", 4_000, 10_000_000),
});

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, { error: "country codes are ISO 3166-1 alpha-2, upper case, such as DE" });

const geoRules = z
  .object({
    /** "allow": only these countries reach the site; "block": these countries do not; "off": no geo rule. */
    mode: z.enum(["off", "allow", "block"], { error: "geo mode must be off, allow or block" }),
    countries: z.array(countryCode).max(50),
  })
  .refine((g) => (g.mode === "off") === (g.countries.length === 0), {
    error: "geo countries must be listed for allow/block and empty when off",
  });

/**
 * How long a voter can always keep a ballot (or the sign-up form) open and still send it with the
 * token the page's challenge gave: a page opened just before its challenge is due again holds a
 * token that old already, so the token must outlive the page's immunity by this much.
 */
export const BALLOT_DWELL_SECONDS = 3_600;

/** WAF takes challenge immunity times from 300 s to three days. */
const immunitySeconds = (what: string) => wholeNumber(what, 300, 259_200);

const edgeChallenge = z
  .object({
    /**
     * How long one solved (silent) challenge spares a browser the next on a ballot page. Shorter
     * means a fresher token on every cast, at the price of the interstitial's second or two more often.
     */
    pageImmunitySeconds: immunitySeconds("pageImmunitySeconds"),
    /**
     * How long after its challenge a token still opens a cast or a sign-up ticket: the web ACL's
     * challenge immunity time, which Bot Control's token labels (accepted, rejected) are judged by.
     */
    tokenImmunitySeconds: immunitySeconds("tokenImmunitySeconds"),
    /** "block" refuses casts and sign-up tickets without a valid token; "count" only counts them (to watch a first rollout). */
    enforcement: z.enum(["block", "count"], { error: "challenge enforcement must be block or count" }),
  })
  .refine((c) => c.tokenImmunitySeconds >= c.pageImmunitySeconds + BALLOT_DWELL_SECONDS, {
    error: `tokenImmunitySeconds must exceed pageImmunitySeconds by at least ${BALLOT_DWELL_SECONDS} s: a voter who opens a ballot just before the page's challenge is due again still needs a valid token when casting`,
  });

/**
 * The Region sets DynamoDB runs multi-Region strong consistency (MRSC) in: an MRSC global table
 * lives in exactly three Regions (three replicas, or two replicas and a witness), all of one set.
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html#V2globaltables_HowItWorks.consistency-modes
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-globaltablewitness.html
 * (aws-cdk-lib's TableV2 checks the same sets when it builds the table.)
 */
export const MRSC_REGION_SETS = {
  US: ["us-east-1", "us-east-2", "us-west-2"],
  EU: ["eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1"],
  AP: ["ap-northeast-1", "ap-northeast-2", "ap-northeast-3"],
} as const satisfies Record<string, readonly string[]>;

/** The MRSC Region set a Region belongs to, if any. */
export function mrscRegionSetOf(region: string): keyof typeof MRSC_REGION_SETS | undefined {
  return (Object.keys(MRSC_REGION_SETS) as (keyof typeof MRSC_REGION_SETS)[]).find((set) =>
    (MRSC_REGION_SETS[set] as readonly string[]).includes(region),
  );
}

/**
 * How the votes table is replicated across Regions (docs/operations.md §6).
 * - STRONG (MRSC): a write is acknowledged once a second Region of the set holds it, so the
 *   conditional put that enforces one vote per voter sees every Region's votes and an
 *   acknowledged vote survives the loss of a Region (RPO zero). Costs a cross-Region round trip
 *   per write and per strongly consistent read. Chosen at creation only: an existing eventual
 *   table cannot be switched (the runbook's migration note).
 * - EVENTUAL (MREC): last writer wins; a voter whose vote has not replicated can vote again in the
 *   other Region. Only for a deployment not yet migrated.
 */
const votesConsistency = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("EVENTUAL") }),
    z.object({
      mode: z.literal("STRONG"),
      /** The set's third Region, besides primaryRegion and replicaRegion. */
      thirdRegion: awsRegion("votesConsistency.thirdRegion"),
      /**
       * "witness": holds the recent writes for the quorum only: no reads or writes there, and no
       * storage or replicated-write charges; "replica": a full third copy that can serve traffic.
       */
      thirdRegionRole: z.enum(["witness", "replica"], { error: "thirdRegionRole must be witness or replica" }),
    }),
  ],
  { error: "votesConsistency.mode must be STRONG or EVENTUAL" },
);
export type VotesConsistency = z.infer<typeof votesConsistency>;

/** CloudWatch Logs accepts only these retention periods (days). */
const logRetentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const parametersSchema = z
  .object({
    envName: z.enum(["dev", "staging", "prod"], { error: "env must be dev, staging or prod" }),
    account: z
      .string()
      .regex(/^\d{12}$/, { error: "account must be a 12-digit AWS account id" })
      .optional(),
    primaryRegion: awsRegion("primaryRegion"),
    replicaRegion: awsRegion("replicaRegion"),
    tablePrefix: z
      .string()
      .regex(/^[a-z][a-z0-9-]{1,30}$/, { error: "tablePrefix must be 2-31 lowercase letters, digits or '-'" }),

    // --- network ---
    /** Named explicitly so the VPC needs no availability-zone lookup at synth time. */
    availabilityZones: z
      .array(z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, { error: "availability zones look like eu-west-1a" }))
      .length(3, { error: "availabilityZones must name exactly three zones" }),
    vpcCidr: z.cidrv4({ error: "vpcCidr must be an IPv4 CIDR such as 10.40.0.0/16" }),
    /** One NAT gateway per zone in production (a zone's loss must not cut the others' egress); one elsewhere to save cost. */
    natGateways: wholeNumber("natGateways", 1, 3),

    // --- edge ---
    /** Voters, the live results page and the three APIs (under /api/vote, /api/control, /api/results). */
    publicHostname: hostname("publicHostname"),
    /** The operator console for officials. */
    consoleHostname: hostname("consoleHostname"),
    /** An ACM certificate in us-east-1 covering both hostnames; when absent the edge stack requests one (DNS validation, see the runbook). */
    certificateArn: z
      .string()
      .regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, {
        error: "certificateArn must be an ACM certificate ARN in us-east-1 (CloudFront only uses those)",
      })
      .optional(),
    waf: z.object({
      /** Requests per client IP per 5 minutes. Generous: a university or a mobile carrier NAT puts thousands of voters behind one address. */
      requestsPerIpPer5Minutes: wholeNumber("requestsPerIpPer5Minutes", 10, 2_000_000_000),
      /** Requests per Authorization header (one signed-in session) per 5 minutes: a person casts once; a script hammering with one token does not. */
      requestsPerSessionPer5Minutes: wholeNumber("requestsPerSessionPer5Minutes", 10, 2_000_000_000),
      /**
       * Bot Control's COMMON level (self-identifying bots, HTTP libraries) or TARGETED (browser
       * interrogation and challenges). TARGETED answers API calls with challenges that only a page
       * loading AWS WAF's JavaScript integration SDK can solve: switch only once the web apps load it.
       */
      botControlLevel: z.enum(["COMMON", "TARGETED"]),
      geo: geoRules,
      /** The silent challenge before a ballot or the sign-up form, and the token casts and sign-up tickets then need (docs/operations.md §5). */
      challenge: edgeChallenge,
    }),

    // --- data ---
    aurora: z
      .object({
        minCapacityAcu: z.number().min(0, { error: "minCapacityAcu must be at least 0" }).max(256),
        maxCapacityAcu: z
          .number()
          .min(1, { error: "maxCapacityAcu must be at least 1" })
          .max(256, { error: "maxCapacityAcu must be at most 256" }),
        backupRetentionDays: wholeNumber("backupRetentionDays", 1, 35),
        /** A reader in another zone that the writer fails over to in about 30 seconds. */
        readers: wholeNumber("readers", 0, 15),
      })
      .refine((a) => a.minCapacityAcu <= a.maxCapacityAcu, {
        error: "aurora.minCapacityAcu must not exceed maxCapacityAcu",
      })
      .refine((a) => Number.isInteger(a.minCapacityAcu * 2) && Number.isInteger(a.maxCapacityAcu * 2), {
        error: "Aurora capacities are multiples of 0.5 ACU",
      }),
    /** How long a sealed audit epoch cannot be deleted or overwritten by anyone, root included (Object Lock COMPLIANCE). */
    auditRetentionDays: wholeNumber("auditRetentionDays", 1, 36_500),
    /** The votes table's multi-Region consistency and its third Region (the other tables stay eventual: vote-tables.ts says why). */
    votesConsistency,
    /** Pre-warmed partitions for the two tables every cast writes; absent outside production. */
    warmThroughput: z.object({ votes: warmThroughput, nonces: warmThroughput }).optional(),

    // --- services ---
    /** The tag of the images in the stack's ECR repositories (immutable tags: one per release). */
    imageTag: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, {
      error: "imageTag must be a Docker tag (letters, digits, '_', '.', '-'; at most 128)",
    }),
    /** Graviton is about 20% cheaper per vCPU; the images must be built for it. */
    cpuArchitecture: z.enum(["ARM64", "X86_64"]),
    services: z.object({
      voteApi: serviceSizing,
      controlApi: serviceSizing,
      results: serviceSizing,
      aggregator: serviceSizing,
      voterWeb: serviceSizing,
      console: serviceSizing,
    }),
    logRetentionDays: z.union(
      logRetentionDays.map((d) => z.literal(d)) as unknown as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]],
      {
        error: `logRetentionDays must be one of ${logRetentionDays.join(", ")}`,
      },
    ),

    // --- identity ---
    /**
     * Cognito's own mailer sends 50 messages a day: enough for dev, not for voters' sign-up codes.
     * With this set the pool sends through SES (the domain verified in primaryRegion, out of the
     * sandbox, with a sending quota sized for sign-up peaks; see the runbook).
     */
    email: z
      .object({
        from: z.email({ error: "email.from must be an e-mail address" }),
        sesVerifiedDomain: hostname("email.sesVerifiedDomain"),
      })
      .refine((e) => e.from.endsWith(`@${e.sesVerifiedDomain}`), {
        error: "email.from must be an address at email.sesVerifiedDomain",
      })
      .optional(),

    // --- notifications ---
    /**
     * What the control API's notifications (election opening, results) are sent from: an SES
     * identity of its own that the services stack makes (DKIM records to publish, see the runbook).
     * A domain apart from email.sesVerifiedDomain, so that bounces from a stale voter roll never
     * weigh on the reputation Cognito's sign-up codes are sent with.
     */
    mail: z
      .object({
        domain: hostname("mail.domain"),
        from: z.email({ error: "mail.from must be an e-mail address" }),
      })
      .refine((m) => m.from.endsWith(`@${m.domain}`), { error: "mail.from must be an address at mail.domain" }),

    // --- observability ---
    /** Where alarms go besides the SNS topic (optional: subscribe a pager through the topic instead). */
    alarmEmail: z.email({ error: "alarmEmail must be an e-mail address" }).optional(),
  })
  .refine((p) => p.primaryRegion !== p.replicaRegion, {
    error: "replicaRegion must differ from primaryRegion: the replica exists to survive the loss of a region",
    path: ["replicaRegion"],
  })
  .refine(
    (p) =>
      p.votesConsistency.mode === "EVENTUAL" ||
      new Set([p.primaryRegion, p.replicaRegion, p.votesConsistency.thirdRegion]).size === 3,
    {
      error: "votesConsistency.thirdRegion must differ from primaryRegion and replicaRegion: MRSC needs three Regions",
      path: ["votesConsistency", "thirdRegion"],
    },
  )
  .refine(
    (p) => {
      if (p.votesConsistency.mode === "EVENTUAL") return true;
      const set = mrscRegionSetOf(p.primaryRegion);
      return (
        set !== undefined &&
        mrscRegionSetOf(p.replicaRegion) === set &&
        mrscRegionSetOf(p.votesConsistency.thirdRegion) === set
      );
    },
    {
      error: `a STRONG votes table needs primaryRegion, replicaRegion and votesConsistency.thirdRegion in one MRSC Region set (${Object.entries(
        MRSC_REGION_SETS,
      )
        .map(([name, regions]) => `${name}: ${regions.join(", ")}`)
        .join("; ")})`,
      path: ["votesConsistency"],
    },
  )
  .refine(
    (p) =>
      p.availabilityZones.every((az) => az.startsWith(p.primaryRegion) && az.length === p.primaryRegion.length + 1),
    {
      error: "availabilityZones must lie in primaryRegion",
      path: ["availabilityZones"],
    },
  )
  .refine((p) => new Set(p.availabilityZones).size === 3, {
    error: "availabilityZones must be three different zones",
    path: ["availabilityZones"],
  })
  .refine((p) => p.publicHostname !== p.consoleHostname, {
    error: "consoleHostname must differ from publicHostname",
    path: ["consoleHostname"],
  })
  .refine(
    (p) =>
      Object.entries(p.services).every(
        ([name, s]) => (name === "aggregator") === (s.requestsPerTaskPerMinute === undefined),
      ),
    {
      error: "every service behind a load balancer needs requestsPerTaskPerMinute; the aggregator has none",
      path: ["services"],
    },
  );

export type Parameters = z.infer<typeof parametersSchema>;
export type EnvName = Parameters["envName"];
export type ServiceName = keyof Parameters["services"];

/*
 * Sizing the vote API for 240,000 requests per second (docs/design.md §7, docs/operations.md §5):
 *
 *   per-task throughput   = vCPU × casts/s per vCPU × target CPU
 *                         = 2 × 1,500 × 0.6 ≈ 1,800 requests/s per 2-vCPU task
 *                           (1,500/s per vCPU is the planning figure until the benchmark's
 *                           measured number replaces it; a cast costs a JWT check, an ECDSA
 *                           verification, an HMAC, a nonce write and a conditional put)
 *   tasks at peak         = 240,000 / 1,800 ≈ 134 tasks
 *   survive losing 1 of 3 zones: the other two must carry it all → 134 × 3/2 ≈ 200 tasks
 *   maxTasks              = 240 (20% above that, so scaling never hits the ceiling first)
 *   requests/task/minute  = 1,800 × 60 = 108,000 → the request-count policy's target
 *
 * minTasks in prod is the floor that takes the first minute of polls opening before
 * target tracking reacts (~1-3 minutes); raise it further the day before (runbook).
 */
const prodServices: Parameters["services"] = {
  voteApi: { size: "2vCPU-4GB", minTasks: 60, maxTasks: 240, targetCpuPercent: 60, requestsPerTaskPerMinute: 108_000 },
  // Officials and operators: tens of people, but certification and recounts scan; two zones at least.
  controlApi: { size: "1vCPU-2GB", minTasks: 2, maxTasks: 10, targetCpuPercent: 60, requestsPerTaskPerMinute: 30_000 },
  // The snapshot is cached by CloudFront for a second; the origin sees about one request per
  // election per second per edge (fewer with Origin Shield). SSE subscribers hold connections.
  results: { size: "1vCPU-2GB", minTasks: 3, maxTasks: 60, targetCpuPercent: 60, requestsPerTaskPerMinute: 60_000 },
  // One consumer suffices per stream; two for a zone's loss (a replayed batch is refused, never double counted).
  aggregator: { size: "1vCPU-2GB", minTasks: 2, maxTasks: 4, targetCpuPercent: 60 },
  voterWeb: { size: "1vCPU-2GB", minTasks: 6, maxTasks: 120, targetCpuPercent: 60, requestsPerTaskPerMinute: 30_000 },
  console: { size: "0.5vCPU-1GB", minTasks: 2, maxTasks: 4, targetCpuPercent: 60, requestsPerTaskPerMinute: 6_000 },
};

const smallServices: Parameters["services"] = {
  voteApi: { size: "1vCPU-2GB", minTasks: 1, maxTasks: 4, targetCpuPercent: 60, requestsPerTaskPerMinute: 54_000 },
  controlApi: { size: "0.5vCPU-1GB", minTasks: 1, maxTasks: 2, targetCpuPercent: 60, requestsPerTaskPerMinute: 30_000 },
  results: { size: "0.5vCPU-1GB", minTasks: 1, maxTasks: 2, targetCpuPercent: 60, requestsPerTaskPerMinute: 30_000 },
  aggregator: { size: "0.5vCPU-1GB", minTasks: 1, maxTasks: 1, targetCpuPercent: 60 },
  voterWeb: { size: "0.5vCPU-1GB", minTasks: 1, maxTasks: 2, targetCpuPercent: 60, requestsPerTaskPerMinute: 30_000 },
  console: { size: "0.5vCPU-1GB", minTasks: 1, maxTasks: 1, targetCpuPercent: 60, requestsPerTaskPerMinute: 6_000 },
};

type Defaults = Omit<Parameters, "envName" | "account">;

const shared = {
  primaryRegion: "eu-west-1",
  replicaRegion: "eu-central-1",
  // Votes: MRSC in the EU set. Ireland and Frankfurt hold the data (Frankfurt is where the runbook
  // fails over to); London is the witness: the nearest member to Ireland, so a write's quorum round
  // trip is the shortest the set offers, and it costs no storage or replicated writes. Every
  // environment runs it, so staging measures the latency production will pay.
  votesConsistency: { mode: "STRONG", thirdRegion: "eu-west-2", thirdRegionRole: "witness" },
  availabilityZones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
  cpuArchitecture: "ARM64",
  imageTag: "latest-release",
} satisfies Partial<Defaults>;

/**
 * A ballot page re-challenges after 15 minutes (a second or two of interstitial at most that
 * often); a token opens casts for 75 minutes after its challenge, so a voter always has at least
 * BALLOT_DWELL_SECONDS (an hour) between opening a ballot and casting it.
 */
const edgeChallengeDefaults: Parameters["waf"]["challenge"] = {
  pageImmunitySeconds: 900,
  tokenImmunitySeconds: 4_500,
  enforcement: "block",
};

/** Notifications from `elections@<domain>`: one address per environment, at its own sending domain. */
export const mailFrom = (domain: string): Parameters["mail"] => ({ domain, from: `elections@${domain}` });

const defaults: Record<EnvName, Defaults> = {
  dev: {
    ...shared,
    tablePrefix: "landslide-dev",
    vpcCidr: "10.40.0.0/16",
    natGateways: 1,
    publicHostname: "vote.dev.landslide.example",
    consoleHostname: "console.dev.landslide.example",
    waf: {
      requestsPerIpPer5Minutes: 2_000,
      requestsPerSessionPer5Minutes: 600,
      botControlLevel: "COMMON",
      geo: { mode: "off", countries: [] },
      challenge: edgeChallengeDefaults,
    },
    aurora: { minCapacityAcu: 0, maxCapacityAcu: 4, backupRetentionDays: 7, readers: 0 },
    auditRetentionDays: 1,
    mail: mailFrom("notify.dev.landslide.example"),
    services: smallServices,
    logRetentionDays: 30,
  },
  staging: {
    ...shared,
    tablePrefix: "landslide-staging",
    vpcCidr: "10.41.0.0/16",
    natGateways: 1,
    publicHostname: "vote.staging.landslide.example",
    consoleHostname: "console.staging.landslide.example",
    waf: {
      requestsPerIpPer5Minutes: 5_000,
      requestsPerSessionPer5Minutes: 600,
      botControlLevel: "COMMON",
      geo: { mode: "off", countries: [] },
      challenge: edgeChallengeDefaults,
    },
    aurora: { minCapacityAcu: 0.5, maxCapacityAcu: 8, backupRetentionDays: 14, readers: 1 },
    auditRetentionDays: 30,
    mail: mailFrom("notify.staging.landslide.example"),
    services: smallServices,
    logRetentionDays: 90,
  },
  prod: {
    ...shared,
    tablePrefix: "landslide",
    vpcCidr: "10.42.0.0/16",
    natGateways: 3,
    publicHostname: "vote.landslide.example",
    consoleHostname: "console.landslide.example",
    waf: {
      // 10,000 per 5 minutes is 33 requests/s from one address sustained: far above one household,
      // below what a single machine scripting casts would need to matter.
      requestsPerIpPer5Minutes: 10_000,
      requestsPerSessionPer5Minutes: 600,
      botControlLevel: "COMMON",
      // A national election: voters abroad vote too, so the default blocks nobody by country.
      // Set mode "allow" with a list (or "block") per election; see the runbook.
      geo: { mode: "off", countries: [] },
      challenge: edgeChallengeDefaults,
    },
    // Control plane only: officials' queries, fraud cases, audit checkpoints. 4 connections per task
    // × ~300 tasks at peak ≈ 1,200 connections; 32 ACU gives max_connections ≈ 3,000.
    aurora: { minCapacityAcu: 2, maxCapacityAcu: 32, backupRetentionDays: 35, readers: 1 },
    // Ten years: sealed epochs prove the count long after any legal challenge window.
    auditRetentionDays: 3653,
    // Votes: 240,000 requests/s at peak of which about a third are casts (the rest are challenges,
    // receipts and reads) → ~80,000 conditional puts/s; nonces take ~2 writes per cast (the proof's
    // jti and the challenge) → ~160,000 writes/s. Warm both to a bit above that.
    warmThroughput: {
      votes: { readUnitsPerSecond: 40_000, writeUnitsPerSecond: 100_000 },
      nonces: { readUnitsPerSecond: 40_000, writeUnitsPerSecond: 200_000 },
    },
    email: { from: "no-reply@landslide.example", sesVerifiedDomain: "landslide.example" },
    mail: mailFrom("notify.landslide.example"),
    services: prodServices,
    logRetentionDays: 365,
  },
};

/** Parameters for an environment: its defaults, overridden by what is given. Throws a readable error. */
export function parametersFor(envName: string, overrides: Partial<Parameters> = {}): Parameters {
  const base = defaults[envName as EnvName] ?? {};
  const parsed = parametersSchema.safeParse({ envName, ...base, ...overrides });
  if (!parsed.success) {
    throw new Error(
      `Invalid infrastructure parameters: ${parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ")}`,
    );
  }
  return parsed.data;
}

/** The region CloudFront's WAF web ACL and certificate must live in. */
export const EDGE_REGION = "us-east-1";
