import { join } from "node:path";
import type { Config } from "@landslide/config";
import { isLoopback } from "../local-stack/loopback";
import { probeService, type ServiceProbe, serviceUrls } from "../local-stack/probe";
import type { RunFile } from "../local-stack/run-file";
import { answers, SLOW_SECONDS, slowly, timed, type Timed } from "./answers";
import { type Check, fail, ok, warn } from "./check";

const services: Record<string, { readonly label: string; readonly variable: string }> = {
  "vote-api": { label: "vote API", variable: "LANDSLIDE_VOTE_API_URL" },
  "control-api": { label: "control API", variable: "LANDSLIDE_CONTROL_API_URL" },
  results: { label: "results fan-out", variable: "LANDSLIDE_RESULTS_URL" },
  aggregator: { label: "aggregator", variable: "LANDSLIDE_AGGREGATOR_URL" },
};

interface Where {
  readonly config: Config;
  /** The local stack running from this data folder, if any. */
  readonly running: RunFile | undefined;
  /** Its log folder. */
  readonly logs: string;
}

/**
 * Whether each service is ready (its /readyz) and DynamoDB, Cognito and SES answer. A local endpoint
 * nobody serves while the local stack is stopped is only a warning: nothing runs, nothing is broken.
 */
export async function checkEndpoints(where: Where): Promise<Check[]> {
  const { config } = where;
  const { region, dynamodbEndpoint, cognitoEndpoint } = config.aws;
  const stores: ReadonlyArray<{ label: string; url: string; variable: string; probe?: string }> = [
    {
      label: "DynamoDB",
      url: dynamodbEndpoint ?? `https://dynamodb.${region}.amazonaws.com`,
      variable: "LANDSLIDE_DYNAMODB_ENDPOINT",
    },
    {
      label: "Cognito",
      url: cognitoEndpoint ?? `https://cognito-idp.${region}.amazonaws.com`,
      variable: "LANDSLIDE_COGNITO_ENDPOINT",
    },
    {
      label: "SES",
      url: config.mail.sesEndpoint ?? `https://email.${region}.amazonaws.com`,
      variable: "LANDSLIDE_SES_ENDPOINT",
      // The local SES's own health route (SES itself answers it too, with an error: an answer).
      probe: "/health-check",
    },
  ];
  const storeCheck = async ({ label, url, variable, probe }: (typeof stores)[number]) => {
    const { value: answered, seconds } = await timed(() => answers(`${url.replace(/\/+$/, "")}${probe ?? ""}`));
    if (!answered) return notAnswering(label, url, variable, where);
    return seconds > SLOW_SECONDS
      ? warn(label, `answers at ${url}, but ${slowly(seconds)}`, again)
      : ok(label, `answers at ${url}`);
  };
  const [probes, storeChecks] = await Promise.all([
    Promise.all(Object.entries(serviceUrls(config)).map(([service, url]) => timed(() => probeService(service, url)))),
    Promise.all(stores.map(storeCheck)),
  ]);
  return [...probes.map((probe) => serviceCheck(probe, where)), ...storeChecks];
}

/** A slow answer is still an answer: nothing to fix but the load. */
const again =
  "run election doctor again once the machine is quieter; if it stays slow, read the logs (election local status)";

function serviceCheck({ value: probe, seconds }: Timed<ServiceProbe>, where: Where): Check {
  const { label, variable } = services[probe.service] ?? { label: probe.service, variable: "its LANDSLIDE_*_URL" };
  if (probe.status === "ready" && seconds > SLOW_SECONDS)
    return warn(label, `ready at ${probe.url}, but ${slowly(seconds)}`, again);
  if (probe.status === "ready") return ok(label, `ready at ${probe.url}`);
  if (probe.status === "unreachable") return notAnswering(label, probe.url, variable, where);
  const failing = probe.failing.length ? `: ${probe.failing.join(", ")} failing` : "";
  const log = where.running
    ? `read why in ${join(where.logs, `${probe.service}.log`)}`
    : `GET ${probe.url}/readyz says which dependency fails; its log says why`;
  return fail(label, `answers at ${probe.url} but is not ready${failing}`, log);
}

function notAnswering(label: string, url: string, variable: string, { config, running, logs }: Where): Check {
  if (!isOnThisMachine(url, config.host))
    return fail(
      label,
      `nothing answers at ${url}`,
      `check that the deployment is up and that ${variable} points at it`,
    );
  if (running)
    return fail(
      label,
      `nothing answers at ${url}, though the local stack runs (pid ${running.pid})`,
      `read why in ${logs}, then restart it: election local down && election local up`,
    );
  return warn(
    label,
    `nothing answers at ${url}: the local stack is not running`,
    "start it: npm run dev (or election local up)",
  );
}

function isOnThisMachine(url: string, host: string): boolean {
  const { hostname } = new URL(url);
  return hostname === host || isLoopback(hostname);
}
