import { type z } from "zod";
import { embeddedPostgresUrl } from "./embedded-postgres-url";
import { type Environment, environmentSchema } from "./schema";

export interface Config {
  /** "embedded": the launcher starts DynamoDB Local, cognito-local, PostgreSQL and a local SES server itself. */
  readonly stack: "embedded" | "aws";
  /** The deployment environment (dev, staging, prod; "local" on a laptop). */
  readonly environment: string;
  readonly host: string;
  /** Proxies (addresses and CIDR ranges) whose X-Forwarded-For is believed; none by default. */
  readonly trustedProxies: readonly string[];
  /** Strict-Transport-Security max-age on API responses; 0 sends none. */
  readonly hstsSeconds: number;
  /** How often a vote-API task looks for changed network lists, in milliseconds. */
  readonly networkListsRefreshMs: number;
  /** Concurrent live-results streams one client address may hold on one task. */
  readonly sseStreamsPerClient: number;
  /** Load shedding in each service's HTTP shell: requests worked on at once, and the longest wait for a slot. */
  readonly loadShedding: { readonly maxInFlight: number; readonly maxQueueMs: number };
  /** Where each service serves /metrics: a listener of its own, off the public port. */
  readonly metrics: {
    readonly host: string;
    /** Added to a service's port to give its metrics port. */
    readonly portOffset: number;
    readonly ports: {
      readonly voteApi: number;
      readonly controlApi: number;
      readonly results: number;
      readonly aggregator: number;
    };
    readonly urls: {
      readonly voteApi: string;
      readonly controlApi: string;
      readonly results: string;
      readonly aggregator: string;
    };
  };
  readonly dataDir: string;
  readonly keysFile: string;
  readonly challengeMaxNumber: number;
  readonly challengeLoadCastsPerSecond: number;
  readonly audit: {
    readonly epochRecords: number;
    readonly epochSeconds: number;
    /** The S3 bucket with Object Lock that sealed epochs and published bundles are written to, once. */
    readonly bucket: string;
    readonly retentionDays: number;
  };
  readonly aggregator: {
    /**
     * The SQS queue the aggregator's dead letters go to; unset, the local server's queue named
     * after the table prefix (@landslide/vote-engine/sqs deadLetterQueueUrl).
     */
    readonly deadLetterQueueUrl: string | undefined;
  };
  readonly castLimits: {
    readonly perIpBlockPerMinute: number;
    readonly perAccountPerMinute: number;
    readonly perDevicePerMinute: number;
  };
  /** Sign-up tickets the vote API gives (each self sign-up needs one). */
  readonly signUpLimits: {
    readonly perNetworkPer10Minutes: number;
    readonly perDevicePerDay: number;
    readonly perDomainPer10Minutes: number;
  };
  /** E-mail domains (lower case) whose addresses may always sign up: not refused as throwaway, not held to the per-domain limit. */
  readonly signUpAllowedDomains: readonly string[];
  /** The sign-up ticket key (base64url) when given apart from the keys file (production: its own secret). */
  readonly signUpTicketKey: string | undefined;
  readonly risk: {
    readonly quarantineAt: number;
    readonly refuseAt: number;
    readonly ipBlockCastsPerMinute: number;
    readonly deviceCastsPerMinute: number;
    readonly accountsPerDevice: number;
    readonly newAccountMs: number;
    readonly fastSolveMs: number;
    readonly badIpRanges: readonly string[];
  };
  readonly humanCheck:
    | { readonly kind: "proof-of-work" }
    | {
        readonly kind: "siteverify";
        readonly verifyUrl: string;
        readonly siteKey: string | undefined;
        readonly secret: string | undefined;
      };
  readonly logLevel: Environment["LANDSLIDE_LOG_LEVEL"];
  readonly ports: {
    readonly voterWeb: number;
    readonly console: number;
    readonly voteApi: number;
    readonly controlApi: number;
    readonly results: number;
    readonly aggregator: number;
    readonly dynamodbLocal: number;
    readonly cognitoLocal: number;
    readonly postgres: number;
    readonly sesLocal: number;
    readonly s3Local: number;
    readonly sqsLocal: number;
  };
  readonly urls: {
    readonly voteApi: string;
    readonly controlApi: string;
    readonly results: string;
    readonly aggregator: string;
    /** The voter site, as the links in e-mails open it. */
    readonly voterWeb: string;
  };
  /** Notifications by e-mail through Amazon SES v2. */
  readonly mail: {
    /** Undefined means the SDK's own endpoint for the region (real AWS). */
    readonly sesEndpoint: string | undefined;
    readonly from: string;
    readonly configurationSet: string | undefined;
    /** Where SES's delivery, bounce and complaint events arrive (SQS); undefined: not read. */
    readonly eventsQueueUrl: string | undefined;
    /** Messages per second across all tasks; undefined: SES's quota for the account. */
    readonly sendRate: number | undefined;
  };
  /** The WebAuthn relying party voters' passkeys belong to, and the voter-site origins their ceremonies may come from. */
  readonly passkeys: { readonly rpId: string; readonly origins: readonly string[] };
  /** Browser origins allowed to call the APIs (CORS). */
  readonly corsOrigins: readonly string[];
  readonly aws: {
    readonly region: string;
    /** Undefined means the SDK's own endpoint for the region (real AWS). */
    readonly dynamodbEndpoint: string | undefined;
    readonly cognitoEndpoint: string | undefined;
    readonly s3Endpoint: string | undefined;
    readonly sqsEndpoint: string | undefined;
    readonly tablePrefix: string;
    readonly tallyShards: number;
    readonly userPoolName: string;
  };
  readonly database: {
    readonly url: string;
  };
  readonly cognito: {
    readonly userPoolId: string | undefined;
    readonly voterClientId: string | undefined;
    readonly consoleClientId: string | undefined;
    readonly cliClientId: string | undefined;
  };
}

/** A setting that cannot be used. Its message is one line meant for a person. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly variable: string,
    readonly expected: string,
    readonly received: string | undefined,
  ) {
    super(
      received === undefined
        ? `Invalid configuration: ${variable} is required (${expected}).`
        : `Invalid configuration: ${variable} must be ${expected}, got ${JSON.stringify(received)}.`,
    );
  }
}

type EnvSource = Readonly<Record<string, string | undefined>>;

/** Reads and validates every setting once. Throws ConfigError naming the first bad variable. */
export function loadConfig(source: EnvSource = process.env): Config {
  // Empty strings are treated as unset so `FOO= npm run dev` falls back to the default.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) throw toConfigError(parsed.error, present);
  const env = parsed.data;
  if (env.LANDSLIDE_STACK === "aws" && env.DATABASE_URL === undefined) {
    throw new ConfigError("DATABASE_URL", "a postgres:// URL when LANDSLIDE_STACK=aws", undefined);
  }
  const highestPort = Math.max(
    env.LANDSLIDE_VOTE_API_PORT,
    env.LANDSLIDE_CONTROL_API_PORT,
    env.LANDSLIDE_RESULTS_PORT,
    env.LANDSLIDE_AGGREGATOR_PORT,
  );
  if (highestPort + env.LANDSLIDE_METRICS_PORT_OFFSET > 65535) {
    throw new ConfigError(
      "LANDSLIDE_METRICS_PORT_OFFSET",
      `small enough that every service's port plus it is a port (the highest service port is ${highestPort})`,
      present.LANDSLIDE_METRICS_PORT_OFFSET ?? String(env.LANDSLIDE_METRICS_PORT_OFFSET),
    );
  }
  return fromEnvironment(env);
}

/** Returns a required setting that provisioning normally supplies, or throws ConfigError. */
export function required<T>(value: T | undefined, variable: keyof Environment, expected: string): T {
  if (value === undefined) throw new ConfigError(variable, expected, undefined);
  return value;
}

function toConfigError(error: z.ZodError, source: EnvSource): ConfigError {
  const issue = error.issues[0];
  const variable = String(issue?.path[0] ?? "environment");
  return new ConfigError(variable, issue?.message ?? "valid", source[variable]);
}

function fromEnvironment(env: Environment): Config {
  const host = env.LANDSLIDE_HOST;
  const embedded = env.LANDSLIDE_STACK === "embedded";
  const local = (p: number) => `http://${host}:${p}`;
  return {
    stack: env.LANDSLIDE_STACK,
    environment: env.LANDSLIDE_ENVIRONMENT,
    host,
    trustedProxies: env.LANDSLIDE_TRUSTED_PROXIES,
    hstsSeconds: env.LANDSLIDE_HSTS_SECONDS,
    sseStreamsPerClient: env.LANDSLIDE_SSE_STREAMS_PER_CLIENT,
    networkListsRefreshMs: env.LANDSLIDE_NETWORK_LISTS_REFRESH_SECONDS * 1000,
    loadShedding: { maxInFlight: env.LANDSLIDE_MAX_IN_FLIGHT, maxQueueMs: env.LANDSLIDE_MAX_QUEUE_MS },
    metrics: metricsListeners(env),
    dataDir: env.LANDSLIDE_DATA_DIR,
    keysFile: env.LANDSLIDE_KEYS_FILE ?? `${env.LANDSLIDE_DATA_DIR}/keys.json`,
    challengeMaxNumber: env.LANDSLIDE_CHALLENGE_MAX_NUMBER,
    challengeLoadCastsPerSecond: env.LANDSLIDE_CHALLENGE_LOAD_CASTS_PER_SECOND,
    audit: {
      epochRecords: env.LANDSLIDE_AUDIT_EPOCH_RECORDS,
      epochSeconds: env.LANDSLIDE_AUDIT_EPOCH_SECONDS,
      bucket: env.LANDSLIDE_AUDIT_BUCKET ?? `${env.LANDSLIDE_TABLE_PREFIX}-audit`,
      retentionDays: env.LANDSLIDE_AUDIT_RETENTION_DAYS,
    },
    aggregator: {
      deadLetterQueueUrl: env.LANDSLIDE_AGGREGATOR_DLQ_URL,
    },
    castLimits: {
      perIpBlockPerMinute: env.LANDSLIDE_CAST_LIMIT_PER_IP_BLOCK,
      perAccountPerMinute: env.LANDSLIDE_CAST_LIMIT_PER_ACCOUNT,
      perDevicePerMinute: env.LANDSLIDE_CAST_LIMIT_PER_DEVICE,
    },
    signUpLimits: {
      perNetworkPer10Minutes: env.LANDSLIDE_SIGN_UP_LIMIT_PER_NETWORK,
      perDevicePerDay: env.LANDSLIDE_SIGN_UP_LIMIT_PER_DEVICE,
      perDomainPer10Minutes: env.LANDSLIDE_SIGN_UP_LIMIT_PER_DOMAIN,
    },
    signUpAllowedDomains: env.LANDSLIDE_SIGN_UP_ALLOWED_DOMAINS,
    signUpTicketKey: env.LANDSLIDE_SIGN_UP_TICKET_KEY,
    risk: {
      quarantineAt: env.LANDSLIDE_RISK_QUARANTINE_SCORE,
      refuseAt: env.LANDSLIDE_RISK_REFUSE_SCORE,
      ipBlockCastsPerMinute: env.LANDSLIDE_RISK_IP_BLOCK_CASTS_PER_MINUTE,
      deviceCastsPerMinute: env.LANDSLIDE_RISK_DEVICE_CASTS_PER_MINUTE,
      accountsPerDevice: env.LANDSLIDE_RISK_ACCOUNTS_PER_DEVICE,
      newAccountMs: env.LANDSLIDE_RISK_NEW_ACCOUNT_SECONDS * 1000,
      fastSolveMs: env.LANDSLIDE_RISK_FAST_SOLVE_MS,
      badIpRanges: env.LANDSLIDE_RISK_BAD_IP_RANGES,
    },
    humanCheck:
      env.LANDSLIDE_HUMAN_CHECK === "siteverify"
        ? {
            kind: "siteverify",
            verifyUrl: env.LANDSLIDE_SITEVERIFY_URL,
            siteKey: env.LANDSLIDE_SITEVERIFY_SITE_KEY,
            secret: env.LANDSLIDE_SITEVERIFY_SECRET,
          }
        : { kind: "proof-of-work" },
    logLevel: env.LANDSLIDE_LOG_LEVEL,
    ports: {
      voterWeb: env.LANDSLIDE_VOTER_WEB_PORT,
      console: env.LANDSLIDE_CONSOLE_PORT,
      voteApi: env.LANDSLIDE_VOTE_API_PORT,
      controlApi: env.LANDSLIDE_CONTROL_API_PORT,
      results: env.LANDSLIDE_RESULTS_PORT,
      aggregator: env.LANDSLIDE_AGGREGATOR_PORT,
      dynamodbLocal: env.LANDSLIDE_DYNAMODB_LOCAL_PORT,
      cognitoLocal: env.LANDSLIDE_COGNITO_LOCAL_PORT,
      postgres: env.LANDSLIDE_POSTGRES_PORT,
      sesLocal: env.LANDSLIDE_SES_LOCAL_PORT,
      s3Local: env.LANDSLIDE_S3_LOCAL_PORT,
      sqsLocal: env.LANDSLIDE_SQS_LOCAL_PORT,
    },
    urls: {
      voteApi: env.LANDSLIDE_VOTE_API_URL ?? local(env.LANDSLIDE_VOTE_API_PORT),
      controlApi: env.LANDSLIDE_CONTROL_API_URL ?? local(env.LANDSLIDE_CONTROL_API_PORT),
      results: env.LANDSLIDE_RESULTS_URL ?? local(env.LANDSLIDE_RESULTS_PORT),
      aggregator: env.LANDSLIDE_AGGREGATOR_URL ?? local(env.LANDSLIDE_AGGREGATOR_PORT),
      voterWeb: env.LANDSLIDE_VOTER_WEB_URL ?? `http://localhost:${env.LANDSLIDE_VOTER_WEB_PORT}`,
    },
    mail: {
      sesEndpoint: env.LANDSLIDE_SES_ENDPOINT ?? (embedded ? local(env.LANDSLIDE_SES_LOCAL_PORT) : undefined),
      from: env.LANDSLIDE_MAIL_FROM,
      configurationSet: env.LANDSLIDE_SES_CONFIGURATION_SET,
      eventsQueueUrl: env.LANDSLIDE_SES_EVENTS_QUEUE_URL,
      sendRate: env.LANDSLIDE_MAIL_SEND_RATE,
    },
    passkeys: {
      rpId: env.LANDSLIDE_PASSKEY_RP_ID,
      origins: env.LANDSLIDE_PASSKEY_ORIGINS ?? [`http://localhost:${env.LANDSLIDE_VOTER_WEB_PORT}`],
    },
    corsOrigins:
      env.LANDSLIDE_CORS_ORIGINS ??
      [env.LANDSLIDE_VOTER_WEB_PORT, env.LANDSLIDE_CONSOLE_PORT].flatMap((p) => [local(p), `http://localhost:${p}`]),
    aws: {
      region: env.AWS_REGION,
      dynamodbEndpoint:
        env.LANDSLIDE_DYNAMODB_ENDPOINT ?? (embedded ? local(env.LANDSLIDE_DYNAMODB_LOCAL_PORT) : undefined),
      cognitoEndpoint:
        env.LANDSLIDE_COGNITO_ENDPOINT ?? (embedded ? local(env.LANDSLIDE_COGNITO_LOCAL_PORT) : undefined),
      s3Endpoint: env.LANDSLIDE_S3_ENDPOINT ?? (embedded ? local(env.LANDSLIDE_S3_LOCAL_PORT) : undefined),
      sqsEndpoint: env.LANDSLIDE_SQS_ENDPOINT ?? (embedded ? local(env.LANDSLIDE_SQS_LOCAL_PORT) : undefined),
      tablePrefix: env.LANDSLIDE_TABLE_PREFIX,
      tallyShards: env.LANDSLIDE_TALLY_SHARDS,
      userPoolName: env.LANDSLIDE_USER_POOL_NAME,
    },
    database: {
      url: env.DATABASE_URL ?? embeddedPostgresUrl(host, env.LANDSLIDE_POSTGRES_PORT, env.LANDSLIDE_DATA_DIR),
    },
    cognito: {
      userPoolId: env.LANDSLIDE_COGNITO_USER_POOL_ID,
      voterClientId: env.LANDSLIDE_COGNITO_VOTER_CLIENT_ID,
      consoleClientId: env.LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID,
      cliClientId: env.LANDSLIDE_COGNITO_CLI_CLIENT_ID,
    },
  };
}

/** Each service's metrics listener: its own port plus the offset, on the metrics host. */
function metricsListeners(env: Environment): Config["metrics"] {
  const offset = env.LANDSLIDE_METRICS_PORT_OFFSET;
  const ports = {
    voteApi: env.LANDSLIDE_VOTE_API_PORT + offset,
    controlApi: env.LANDSLIDE_CONTROL_API_PORT + offset,
    results: env.LANDSLIDE_RESULTS_PORT + offset,
    aggregator: env.LANDSLIDE_AGGREGATOR_PORT + offset,
  };
  // A listener on every interface is still reached from this machine through loopback.
  const host =
    env.LANDSLIDE_METRICS_HOST === "0.0.0.0" || env.LANDSLIDE_METRICS_HOST === "::"
      ? "127.0.0.1"
      : env.LANDSLIDE_METRICS_HOST;
  const url = (port: number) => `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    host: env.LANDSLIDE_METRICS_HOST,
    portOffset: offset,
    ports,
    urls: {
      voteApi: url(ports.voteApi),
      controlApi: url(ports.controlApi),
      results: url(ports.results),
      aggregator: url(ports.aggregator),
    },
  };
}
