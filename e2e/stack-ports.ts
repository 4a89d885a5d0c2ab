/**
 * The e2e stack's ports: a block of its own, 200 above `npm run dev`'s (whose metrics listeners
 * take the 100 above its services), so that the browser tests (inside `npm test`) and a
 * developer's stack run side by side instead of one refusing to start.
 * playwright.config.ts hands them to the launcher; the tests address the stack through these.
 */
export const e2ePorts = {
  voterWeb: 3200,
  console: 3201,
  voteApi: 4200,
  controlApi: 4201,
  results: 4202,
  aggregator: 4203,
  dynamodbLocal: 8200,
  cognitoLocal: 9429,
  postgres: 5633,
  sesLocal: 8225,
  s3Local: 7680,
  sqsLocal: 9524,
} as const;

const at = (port: number) => `http://127.0.0.1:${port}`;

/** The public addresses the tests call, as the SDK takes them. */
export const e2eUrls = {
  voterWeb: at(e2ePorts.voterWeb),
  /** Passkeys need a host name, not an IP address: the voter site as a person with a passkey opens it. */
  voterWebByName: `http://localhost:${e2ePorts.voterWeb}`,
  console: at(e2ePorts.console),
  voteApi: at(e2ePorts.voteApi),
  controlApi: at(e2ePorts.controlApi),
  results: at(e2ePorts.results),
  /** The local SES: its mailbox page here, what it was "sent" as JSON at /store. */
  sesMailbox: at(e2ePorts.sesLocal),
} as const;

/** The three services' URLs in the shape createLandslideClient takes. */
export const e2eServiceUrls = {
  voteApi: e2eUrls.voteApi,
  controlApi: e2eUrls.controlApi,
  results: e2eUrls.results,
} as const;

/** The launcher's settings for these ports (LANDSLIDE_*_PORT, read by @landslide/config). */
export const e2ePortEnv: Record<string, string> = {
  LANDSLIDE_VOTER_WEB_PORT: String(e2ePorts.voterWeb),
  LANDSLIDE_CONSOLE_PORT: String(e2ePorts.console),
  LANDSLIDE_VOTE_API_PORT: String(e2ePorts.voteApi),
  LANDSLIDE_CONTROL_API_PORT: String(e2ePorts.controlApi),
  LANDSLIDE_RESULTS_PORT: String(e2ePorts.results),
  LANDSLIDE_AGGREGATOR_PORT: String(e2ePorts.aggregator),
  LANDSLIDE_DYNAMODB_LOCAL_PORT: String(e2ePorts.dynamodbLocal),
  LANDSLIDE_COGNITO_LOCAL_PORT: String(e2ePorts.cognitoLocal),
  LANDSLIDE_POSTGRES_PORT: String(e2ePorts.postgres),
  LANDSLIDE_SES_LOCAL_PORT: String(e2ePorts.sesLocal),
  LANDSLIDE_S3_LOCAL_PORT: String(e2ePorts.s3Local),
  LANDSLIDE_SQS_LOCAL_PORT: String(e2ePorts.sqsLocal),
};
