import type { Config } from "@landslide/config";
import type { WebMode } from "./processes";

/** A port the local stack listens on, and the setting that moves it (for messages that say how). */
export interface PlannedPort {
  readonly port: number;
  readonly what: string;
  readonly variable: string;
}

const serviceNames = {
  voteApi: "vote API",
  controlApi: "control API",
  results: "results fan-out",
  aggregator: "aggregator",
} as const;

/** Every port the local stack listens on: the AWS stand-ins only when embedded, the web apps unless left out. */
export function portPlan(config: Config, embedded: boolean, web: WebMode): PlannedPort[] {
  const p = config.ports;
  return [
    ...(embedded
      ? [
          { port: p.dynamodbLocal, what: "DynamoDB Local", variable: "LANDSLIDE_DYNAMODB_LOCAL_PORT" },
          { port: p.cognitoLocal, what: "cognito-local", variable: "LANDSLIDE_COGNITO_LOCAL_PORT" },
          { port: p.postgres, what: "PostgreSQL", variable: "LANDSLIDE_POSTGRES_PORT" },
          { port: p.sesLocal, what: "local SES", variable: "LANDSLIDE_SES_LOCAL_PORT" },
          { port: p.s3Local, what: "local S3 (Ceph radosgw)", variable: "LANDSLIDE_S3_LOCAL_PORT" },
          { port: p.sqsLocal, what: "local SQS", variable: "LANDSLIDE_SQS_LOCAL_PORT" },
        ]
      : []),
    { port: p.voteApi, what: "vote API", variable: "LANDSLIDE_VOTE_API_PORT" },
    { port: p.controlApi, what: "control API", variable: "LANDSLIDE_CONTROL_API_PORT" },
    { port: p.results, what: "results fan-out", variable: "LANDSLIDE_RESULTS_PORT" },
    { port: p.aggregator, what: "aggregator", variable: "LANDSLIDE_AGGREGATOR_PORT" },
    // Each service's /metrics listens apart from its public port, on loopback.
    ...(["voteApi", "controlApi", "results", "aggregator"] as const).map((service) => ({
      port: config.metrics.ports[service],
      what: `${serviceNames[service]} metrics`,
      variable: "LANDSLIDE_METRICS_PORT_OFFSET",
    })),
    ...(web === "none"
      ? []
      : [
          { port: p.voterWeb, what: "voter site", variable: "LANDSLIDE_VOTER_WEB_PORT" },
          { port: p.console, what: "console", variable: "LANDSLIDE_CONSOLE_PORT" },
        ]),
  ];
}
