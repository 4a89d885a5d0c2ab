import { z } from "zod";

/**
 * Every setting Landslide reads from the environment, in one place.
 * Names are the environment variables themselves so that an error can name
 * exactly what to fix. Defaults describe the embedded local stack.
 */
/** A whole number within bounds, with one message for every way a value can miss them. */
const wholeNumber = (min: number, max: number, fallback: number, error: string) =>
  z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).default(fallback);

const port = (fallback: number) => wholeNumber(1, 65535, fallback, "a port number (1-65535)");

const httpUrl = z.url({ protocol: /^https?$/, error: "an http(s) URL such as http://127.0.0.1:8000" }).optional();

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "a postgres:// URL" }).optional();

/** Web origins, comma-separated; unset stays undefined (the default applies). `atLeastOne`: an empty list is refused. */
const origins = ({ atLeastOne }: { atLeastOne: boolean }) => {
  const list = z.array(
    z.url({ protocol: /^https?$/, error: "comma-separated origins such as https://vote.example.org" }),
  );
  return z
    .string()
    .optional()
    .transform((text) =>
      text
        ?.split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe((atLeastOne ? list.min(1) : list).optional());
};

const name = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: "1-64 letters, digits, '_', '.' or '-'" });

export const environmentSchema = z.object({
  LANDSLIDE_HOST: z.string().min(1).default("127.0.0.1"),
  // The addresses (or CIDR ranges) of the proxies in front of the services that append to
  // X-Forwarded-For, comma-separated. Only a peer in this list is believed about the client's
  // address; the default, none, makes the peer the client. Production: the VPC's range (the load
  // balancers and CloudFront's VPC origin). The load test's simulated networks: 127.0.0.1.
  LANDSLIDE_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(",")
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], {
          error: "comma-separated addresses or CIDR ranges such as 10.0.0.0/16,127.0.0.1",
        }),
      ),
    ),
  // Each service serves GET /metrics on its own listener, never on its public port: this host
  // (loopback by default: a scraper in the same task or on the same machine) and its port plus
  // this offset (the vote API on 4000 has its metrics on 4100).
  LANDSLIDE_METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  LANDSLIDE_METRICS_PORT_OFFSET: wholeNumber(1, 10_000, 100, "a whole number from 1 to 10000"),
  // Strict-Transport-Security on every API response, for this many seconds; 0 (the default, for
  // plain-HTTP local stacks) sends none. Production sets a year.
  LANDSLIDE_HSTS_SECONDS: wholeNumber(
    0,
    63_072_000,
    0,
    "a whole number of seconds (0 sends no Strict-Transport-Security)",
  ),
  // Live-results streams (SSE) one client address may hold open at once on one task; beyond it, 429.
  LANDSLIDE_SSE_STREAMS_PER_CLIENT: wholeNumber(1, 10_000, 20, "a whole number of streams"),
  // How often each vote-API task reads which imported network lists (threat feeds) are live: an
  // import takes effect within this long, without a restart.
  LANDSLIDE_NETWORK_LISTS_REFRESH_SECONDS: wholeNumber(1, 3600, 60, "a whole number of seconds"),
  // Load shedding, per task: requests worked on at once (live-results streams, /healthz and /readyz
  // not counted), and how long one may wait for a slot. A request that would wait longer is
  // answered 503 OVERLOADED with Retry-After at once, so the ones taken in are answered within
  // the latency aim (< 1 s). The defaults suit one vote-API task of one or two vCPU.
  LANDSLIDE_MAX_IN_FLIGHT: wholeNumber(1, 100_000, 64, "a whole number of requests"),
  LANDSLIDE_MAX_QUEUE_MS: wholeNumber(0, 60_000, 250, "a whole number of milliseconds (0 queues nothing)"),
  LANDSLIDE_DATA_DIR: z.string().min(1).default(".landslide"),
  // The voter-key secret and the receipt and audit signing keys (written by provisioning); default <data dir>/keys.json.
  LANDSLIDE_KEYS_FILE: z.string().min(1).optional(),
  LANDSLIDE_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "one of fatal, error, warn, info, debug, trace, silent",
    })
    .default("info"),

  LANDSLIDE_VOTER_WEB_PORT: port(3000),
  LANDSLIDE_CONSOLE_PORT: port(3001),
  LANDSLIDE_VOTE_API_PORT: port(4000),
  LANDSLIDE_CONTROL_API_PORT: port(4001),
  LANDSLIDE_RESULTS_PORT: port(4002),
  LANDSLIDE_AGGREGATOR_PORT: port(4003),
  LANDSLIDE_DYNAMODB_LOCAL_PORT: port(8000),
  LANDSLIDE_COGNITO_LOCAL_PORT: port(9229),
  LANDSLIDE_POSTGRES_PORT: port(5433),
  // The local SES server (aws-ses-v2-local): its API and, at /, the mailbox of everything "sent".
  LANDSLIDE_SES_LOCAL_PORT: port(8025),
  // The local S3 (Ceph's radosgw, whose Object Lock is enforced): the audit archive's bucket.
  LANDSLIDE_S3_LOCAL_PORT: port(7480),
  // The local SQS (local-aws-sqs): the aggregator's dead-letter queue.
  LANDSLIDE_SQS_LOCAL_PORT: port(9324),

  // Public base URLs of the services, as browsers and the CLI reach them.
  LANDSLIDE_VOTE_API_URL: httpUrl,
  LANDSLIDE_CONTROL_API_URL: httpUrl,
  LANDSLIDE_RESULTS_URL: httpUrl,
  LANDSLIDE_AGGREGATOR_URL: httpUrl,
  // Web origins whose pages may call the APIs from the browser (comma-separated); by default the
  // voter site and the console on this host (as 127.0.0.1 and as localhost).
  LANDSLIDE_CORS_ORIGINS: origins({ atLeastOne: false }),

  // Passkeys (WebAuthn): the relying party's id, the voter site's registrable domain (browsers refuse
  // an IP address, so locally the voter site is opened as localhost), and the voter-site origins a
  // passkey ceremony may come from; by default the local voter site on localhost.
  LANDSLIDE_PASSKEY_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]{1,253}$/, { error: "a domain such as vote.example.org (no scheme, no port)" })
    .default("localhost"),
  LANDSLIDE_PASSKEY_ORIGINS: origins({ atLeastOne: true }),

  // "embedded": DynamoDB Local, cognito-local, PostgreSQL and a local SES server started by the launcher.
  // "aws": the real services (endpoints optional, for a compatible server); DATABASE_URL required.
  LANDSLIDE_STACK: z.enum(["embedded", "aws"], { error: "embedded or aws" }).default("embedded"),
  // The deployment environment's name (dev, staging, prod): the dimension of published metrics.
  LANDSLIDE_ENVIRONMENT: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,30}$/, { error: "a short lowercase name such as prod" })
    .default("local"),
  AWS_REGION: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$|^local$/, { error: "an AWS region such as eu-west-1" })
    .default("eu-west-1"),
  LANDSLIDE_DYNAMODB_ENDPOINT: httpUrl,
  LANDSLIDE_COGNITO_ENDPOINT: httpUrl,
  // Amazon SES's endpoint; unset, the region's own (AWS), or the local SES server (embedded).
  LANDSLIDE_SES_ENDPOINT: httpUrl,
  // Amazon S3's and SQS's endpoints; unset, the region's own (AWS), or the local servers (embedded).
  LANDSLIDE_S3_ENDPOINT: httpUrl,
  LANDSLIDE_SQS_ENDPOINT: httpUrl,
  // Notifications by e-mail (Amazon SES v2): the sender, as a verified SES identity, and the
  // configuration set whose event destination reports deliveries, bounces and complaints.
  LANDSLIDE_MAIL_FROM: z
    .string()
    .regex(/^(?:[^<>\r\n]{1,100} <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
      error: "an address such as elections@example.org or Landslide <elections@example.org>",
    })
    .default("Landslide <elections@landslide.localhost>"),
  LANDSLIDE_SES_CONFIGURATION_SET: name.optional(),
  // The SQS queue the configuration set's events reach (through SNS): deliveries, bounces and
  // complaints are read from it. Unset (the local stack), nothing reports them.
  LANDSLIDE_SES_EVENTS_QUEUE_URL: z
    .url({
      protocol: /^https?$/,
      error: "an SQS queue URL such as https://sqs.eu-west-1.amazonaws.com/123456789012/ses-events",
    })
    .optional(),
  // Messages sent per second across all tasks; unset, SES's own quota for the account (GetAccount).
  LANDSLIDE_MAIL_SEND_RATE: z.coerce
    .number({ error: "a whole number of messages per second" })
    .int({ error: "a whole number of messages per second" })
    .min(1, { error: "a whole number of messages per second" })
    .max(100_000, { error: "a whole number of messages per second" })
    .optional(),
  // The voter site's public address, for the links in e-mails; by default the local one (as localhost).
  LANDSLIDE_VOTER_WEB_URL: httpUrl,
  LANDSLIDE_TABLE_PREFIX: name.default("landslide"),
  // Proof-of-work difficulty: how many numbers a client may have to try (about half on average).
  LANDSLIDE_CHALLENGE_MAX_NUMBER: wholeNumber(1000, 10_000_000, 20_000, "a whole number from 1000 to 10000000"),
  // Above this many casts per second in one task, new challenges ask twice the work.
  LANDSLIDE_CHALLENGE_LOAD_CASTS_PER_SECOND: wholeNumber(1, 1_000_000, 500, "a whole number of casts per second"),
  // The audit log is sealed into a signed epoch every N records or T seconds, whichever comes first.
  LANDSLIDE_AUDIT_EPOCH_RECORDS: wholeNumber(1, 1_000_000, 1024, "a whole number of records"),
  LANDSLIDE_AUDIT_EPOCH_SECONDS: wholeNumber(1, 86_400, 5, "a whole number of seconds"),
  // The S3 bucket (with Object Lock) that keeps sealed epochs and published bundles, write-once.
  LANDSLIDE_AUDIT_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: "an S3 bucket name such as landslide-audit" })
    .optional(),
  // How long each archived object is locked (COMPLIANCE mode: nobody, root included, can shorten it).
  LANDSLIDE_AUDIT_RETENTION_DAYS: wholeNumber(1, 36_500, 3650, "a whole number of days"),
  // The aggregator's dead-letter queue (SQS); unset, the local queue named after the table prefix.
  LANDSLIDE_AGGREGATOR_DLQ_URL: httpUrl,
  // Casts allowed per minute from one address block (/24, /64: may be a whole office behind NAT) and per account.
  LANDSLIDE_CAST_LIMIT_PER_IP_BLOCK: wholeNumber(1, 1_000_000, 600, "a whole number of casts per minute"),
  LANDSLIDE_CAST_LIMIT_PER_ACCOUNT: wholeNumber(1, 1_000_000, 10, "a whole number of casts per minute"),
  LANDSLIDE_CAST_LIMIT_PER_DEVICE: wholeNumber(1, 1_000_000, 20, "a whole number of casts per minute"),
  // Self sign-ups (tickets from the vote API) per address block (/24, /64) per 10 minutes, and per device key per day.
  LANDSLIDE_SIGN_UP_LIMIT_PER_NETWORK: wholeNumber(1, 1_000_000, 5, "a whole number of sign-ups per 10 minutes"),
  LANDSLIDE_SIGN_UP_LIMIT_PER_DEVICE: wholeNumber(1, 1_000_000, 3, "a whole number of sign-ups per day"),
  // Self sign-ups per e-mail domain per 10 minutes, across tasks: a farm's addresses at one small
  // domain (anna.1@x.org, anna.2@x.org, …). Large public providers (gmail.com, …) are not limited
  // this way (packages/api/src/sign-up/large-providers.ts), nor are the allowed domains below.
  LANDSLIDE_SIGN_UP_LIMIT_PER_DOMAIN: wholeNumber(1, 1_000_000, 20, "a whole number of sign-ups per 10 minutes"),
  // E-mail domains that may always sign up (comma-separated; their subdomains too): neither refused
  // as a throwaway mail service nor held to the per-domain limit, for an organisation whose own
  // domain is wrongly listed or whose members all sign up at once. Network, device and human-check
  // limits still apply.
  LANDSLIDE_SIGN_UP_ALLOWED_DOMAINS: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(",")
        .map((entry) => entry.trim().toLowerCase().replace(/\.$/, ""))
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.string().regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/, {
          error: "comma-separated domains such as example.org,members.example.net",
        }),
      ),
    ),
  // The key that signs sign-up tickets, base64url (32 bytes or more). Production passes it from a
  // secret of its own, which Cognito's pre-sign-up Lambda also reads; unset, the keys file's is used.
  LANDSLIDE_SIGN_UP_TICKET_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43,}$/, { error: "at least 43 base64url characters (a key of 32 bytes or more)" })
    .optional(),
  // Risk scoring (weights in packages/api/src/risk/risk-signals.ts): a ballot scoring at least
  // QUARANTINE is stored but counted only after review; at least REFUSE is not stored at all.
  LANDSLIDE_RISK_QUARANTINE_SCORE: wholeNumber(1, 1000, 50, "a whole number from 1 to 1000"),
  LANDSLIDE_RISK_REFUSE_SCORE: wholeNumber(1, 1000, 100, "a whole number from 1 to 1000"),
  LANDSLIDE_RISK_IP_BLOCK_CASTS_PER_MINUTE: wholeNumber(1, 1_000_000, 120, "a whole number of casts per minute"),
  LANDSLIDE_RISK_DEVICE_CASTS_PER_MINUTE: wholeNumber(1, 1_000_000, 5, "a whole number of casts per minute"),
  LANDSLIDE_RISK_ACCOUNTS_PER_DEVICE: wholeNumber(1, 1000, 3, "a whole number of accounts"),
  LANDSLIDE_RISK_NEW_ACCOUNT_SECONDS: wholeNumber(0, 31_536_000, 600, "a whole number of seconds"),
  LANDSLIDE_RISK_FAST_SOLVE_MS: wholeNumber(0, 600_000, 1500, "a whole number of milliseconds"),
  // Comma-separated CIDR ranges whose ballots score BAD_IP_RANGE (and get harder challenges).
  LANDSLIDE_RISK_BAD_IP_RANGES: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(",")
        .map((range) => range.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.union([z.cidrv4(), z.cidrv6()], {
          error: "comma-separated CIDR ranges such as 203.0.113.0/24,2001:db8::/32",
        }),
      ),
    ),
  // The human check: "proof-of-work" (built in) or "siteverify" (a Turnstile-compatible service).
  LANDSLIDE_HUMAN_CHECK: z
    .enum(["proof-of-work", "siteverify"], { error: "proof-of-work or siteverify" })
    .default("proof-of-work"),
  LANDSLIDE_SITEVERIFY_URL: z
    .url({ protocol: /^https?$/, error: "an http(s) URL" })
    .default("https://challenges.cloudflare.com/turnstile/v0/siteverify"),
  LANDSLIDE_SITEVERIFY_SITE_KEY: z.string().min(1).optional(),
  LANDSLIDE_SITEVERIFY_SECRET: z.string().min(1).optional(),
  // Tally counters per election are spread over this many items (each takes a few hundred writes/s).
  LANDSLIDE_TALLY_SHARDS: wholeNumber(1, 1000, 8, "a whole number from 1 to 1000"),
  LANDSLIDE_USER_POOL_NAME: name.default("landslide"),
  DATABASE_URL: postgresUrl,

  // Written by provisioning; services need them, the launcher passes them on.
  LANDSLIDE_COGNITO_USER_POOL_ID: z.string().min(1).optional(),
  LANDSLIDE_COGNITO_VOTER_CLIENT_ID: z.string().min(1).optional(),
  LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID: z.string().min(1).optional(),
  LANDSLIDE_COGNITO_CLI_CLIENT_ID: z.string().min(1).optional(),
});

export type Environment = z.infer<typeof environmentSchema>;
