import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, required } from "../src/index";

describe("loadConfig", () => {
  it("gives the documented defaults of the embedded stack", () => {
    const config = loadConfig({});
    expect(config.stack).toBe("embedded");
    expect(config.ports).toEqual({
      voterWeb: 3000,
      console: 3001,
      voteApi: 4000,
      controlApi: 4001,
      results: 4002,
      aggregator: 4003,
      dynamodbLocal: 8000,
      cognitoLocal: 9229,
      postgres: 5433,
      sesLocal: 8025,
      s3Local: 7480,
      sqsLocal: 9324,
    });
    expect(config.aws.dynamodbEndpoint).toBe("http://127.0.0.1:8000");
    // The audit archive and the dead-letter queue on the local S3 and SQS, named after the table prefix.
    expect(config.aws.s3Endpoint).toBe("http://127.0.0.1:7480");
    expect(config.aws.sqsEndpoint).toBe("http://127.0.0.1:9324");
    expect(config.audit).toMatchObject({ bucket: "landslide-audit", retentionDays: 3650 });
    expect(config.aggregator.deadLetterQueueUrl).toBeUndefined();
    // Mail goes to the local SES server; its links open the voter site as localhost (passkeys need a name).
    expect(config.mail).toEqual({
      sesEndpoint: "http://127.0.0.1:8025",
      from: "Landslide <elections@landslide.localhost>",
      configurationSet: undefined,
      eventsQueueUrl: undefined,
      sendRate: undefined,
    });
    expect(config.urls.voterWeb).toBe("http://localhost:3000");
    expect(config.aws.cognitoEndpoint).toBe("http://127.0.0.1:9229");
    // No embedded cluster in this folder yet, so no password to give.
    expect(config.database.url).toBe("postgres://postgres@127.0.0.1:5433/postgres");
    expect(config.urls.controlApi).toBe("http://127.0.0.1:4001");
  });

  it("finds the embedded PostgreSQL's generated password in the stack's data folder", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "landslide-config-"));
    try {
      mkdirSync(join(dataDir, "data", "postgres"), { recursive: true });
      writeFileSync(join(dataDir, "data", "postgres", "landslide-password"), "s3cret/+x\n", { mode: 0o600 });
      const config = loadConfig({ LANDSLIDE_DATA_DIR: dataDir, LANDSLIDE_POSTGRES_PORT: "5544" });
      expect(config.database.url).toBe("postgres://postgres:s3cret%2F%2Bx@127.0.0.1:5544/postgres");
      expect(
        loadConfig({ LANDSLIDE_DATA_DIR: dataDir, DATABASE_URL: "postgres://elsewhere:5432/x" }).database.url,
      ).toBe("postgres://elsewhere:5432/x");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("lets every port and endpoint be overridden, and derives the local URLs from them", () => {
    const config = loadConfig({
      LANDSLIDE_VOTE_API_PORT: "5000",
      LANDSLIDE_DYNAMODB_LOCAL_PORT: "8123",
      LANDSLIDE_CONTROL_API_URL: "https://control.example.org",
    });
    expect(config.ports.voteApi).toBe(5000);
    expect(config.urls.voteApi).toBe("http://127.0.0.1:5000");
    expect(config.aws.dynamodbEndpoint).toBe("http://127.0.0.1:8123");
    expect(config.urls.controlApi).toBe("https://control.example.org");
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ LANDSLIDE_VOTE_API_PORT: "" }).ports.voteApi).toBe(4000);
  });

  it("uses the SDK's own endpoints on AWS and requires a database there", () => {
    expect(() => loadConfig({ LANDSLIDE_STACK: "aws" })).toThrow(
      "Invalid configuration: DATABASE_URL is required (a postgres:// URL when LANDSLIDE_STACK=aws).",
    );
    const config = loadConfig({
      LANDSLIDE_STACK: "aws",
      DATABASE_URL: "postgres://db.internal:5432/landslide",
      AWS_REGION: "eu-central-1",
    });
    expect(config.aws.dynamodbEndpoint).toBeUndefined();
    expect(config.aws.cognitoEndpoint).toBeUndefined();
    expect(config.mail.sesEndpoint).toBeUndefined();
    expect(config.aws.region).toBe("eu-central-1");
  });

  it.each([
    [
      "LANDSLIDE_VOTE_API_PORT",
      "http",
      'Invalid configuration: LANDSLIDE_VOTE_API_PORT must be a port number (1-65535), got "http".',
    ],
    [
      "LANDSLIDE_CONSOLE_PORT",
      "70000",
      'Invalid configuration: LANDSLIDE_CONSOLE_PORT must be a port number (1-65535), got "70000".',
    ],
    [
      "LANDSLIDE_DYNAMODB_ENDPOINT",
      "localhost:8000",
      'Invalid configuration: LANDSLIDE_DYNAMODB_ENDPOINT must be an http(s) URL such as http://127.0.0.1:8000, got "localhost:8000".',
    ],
    ["DATABASE_URL", "mysql://x", 'Invalid configuration: DATABASE_URL must be a postgres:// URL, got "mysql://x".'],
    ["LANDSLIDE_STACK", "docker", 'Invalid configuration: LANDSLIDE_STACK must be embedded or aws, got "docker".'],
    [
      "LANDSLIDE_LOG_LEVEL",
      "loud",
      'Invalid configuration: LANDSLIDE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud".',
    ],
  ])("refuses %s=%s in one line naming the variable and what was expected", (variable, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(message);
    expect((error as ConfigError).variable).toBe(variable);
  });

  it("required() names the variable provisioning should have set", () => {
    expect(() => required(undefined, "LANDSLIDE_COGNITO_USER_POOL_ID", "the user pool id")).toThrow(
      "Invalid configuration: LANDSLIDE_COGNITO_USER_POOL_ID is required (the user pool id).",
    );
    expect(required("eu-west-1_abc", "LANDSLIDE_COGNITO_USER_POOL_ID", "the user pool id")).toBe("eu-west-1_abc");
  });
});

describe("the HTTP edge's settings", () => {
  it("trust no proxy, send no HSTS and keep metrics on loopback, by default", () => {
    const config = loadConfig({});
    expect(config.trustedProxies).toEqual([]);
    expect(config.hstsSeconds).toBe(0);
    expect(config.metrics).toEqual({
      host: "127.0.0.1",
      portOffset: 100,
      ports: { voteApi: 4100, controlApi: 4101, results: 4102, aggregator: 4103 },
      urls: {
        voteApi: "http://127.0.0.1:4100",
        controlApi: "http://127.0.0.1:4101",
        results: "http://127.0.0.1:4102",
        aggregator: "http://127.0.0.1:4103",
      },
    });
  });

  it("read trusted proxies as addresses and CIDR ranges, and refuse anything else", () => {
    expect(
      loadConfig({ LANDSLIDE_TRUSTED_PROXIES: " 10.0.0.0/16, 127.0.0.1,2001:db8::/32 ,::1" }).trustedProxies,
    ).toEqual(["10.0.0.0/16", "127.0.0.1", "2001:db8::/32", "::1"]);
    for (const bad of ["*", "10.0.0.0/33", "localhost", "127.0.0.1,<img src=x>"]) {
      expect(() => loadConfig({ LANDSLIDE_TRUSTED_PROXIES: bad }), bad).toThrow(
        /^Invalid configuration: LANDSLIDE_TRUSTED_PROXIES must be comma-separated addresses or CIDR ranges/,
      );
    }
  });

  it("refuse a metrics offset that would leave the port range", () => {
    expect(() => loadConfig({ LANDSLIDE_RESULTS_PORT: "65500", LANDSLIDE_METRICS_PORT_OFFSET: "100" })).toThrow(
      /LANDSLIDE_METRICS_PORT_OFFSET must be small enough/,
    );
    expect(
      loadConfig({ LANDSLIDE_METRICS_PORT_OFFSET: "1000", LANDSLIDE_METRICS_HOST: "0.0.0.0" }).metrics.urls.results,
    ).toBe("http://127.0.0.1:5002");
  });
});
