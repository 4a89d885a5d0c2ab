import type { ServiceName } from "./parameters";

/** Which image a service runs: the four services share the packages/api image; each web app has its own. */
export type ImageName = "api" | "voter-web" | "console";

export interface ServiceDescription {
  /** The ECS service name and the log stream prefix. */
  readonly id: string;
  readonly image: ImageName;
  /** The port the process listens on: packages/config's default for it, set explicitly in the task. */
  readonly port: number;
  /** The environment variable packages/config reads that port from (Next.js reads PORT). */
  readonly portVariable: string;
  /** What the load balancer asks; absent for the aggregator (no load balancer: a container health check instead). */
  readonly healthCheckPath?: string;
  /** Where CloudFront sends it, or absent when it is not public. Also the prefix its public URL carries. */
  readonly publicPath?: string;
  /**
   * The command that starts it in its image (the image contract, docs/operations.md): the API
   * image holds the services' bundle at /app/packages/api/dist (packages/api/build.mjs), one
   * entry point each, run by plain Node with source maps for the stack traces; no tsx.
   */
  readonly command?: readonly string[];
  /** Web apps hold no secrets and reach no data store: their config only needs public URLs and client ids. */
  readonly kind: "api" | "worker" | "web";
}

/** How the API image starts one of its services (the Dockerfile's `api` target). */
function bundledService(id: string): readonly string[] {
  return ["node", "--enable-source-maps", `packages/api/dist/${id}.mjs`];
}

/** The deployables of docs/design.md §6, plus the two web apps. */
export const serviceCatalog: Record<ServiceName, ServiceDescription> = {
  voteApi: {
    id: "vote-api",
    image: "api",
    port: 4000,
    portVariable: "LANDSLIDE_VOTE_API_PORT",
    healthCheckPath: "/readyz",
    publicPath: "/api/vote",
    command: bundledService("vote-api"),
    kind: "api",
  },
  controlApi: {
    id: "control-api",
    image: "api",
    port: 4001,
    portVariable: "LANDSLIDE_CONTROL_API_PORT",
    healthCheckPath: "/readyz",
    publicPath: "/api/control",
    command: bundledService("control-api"),
    kind: "api",
  },
  results: {
    id: "results",
    image: "api",
    port: 4002,
    portVariable: "LANDSLIDE_RESULTS_PORT",
    healthCheckPath: "/readyz",
    publicPath: "/api/results",
    command: bundledService("results"),
    kind: "api",
  },
  aggregator: {
    id: "aggregator",
    image: "api",
    port: 4003,
    portVariable: "LANDSLIDE_AGGREGATOR_PORT",
    command: bundledService("aggregator"),
    kind: "worker",
  },
  // Next.js standalone output: `node server.js` is the image's own CMD; it reads PORT and HOSTNAME.
  voterWeb: {
    id: "voter-web",
    image: "voter-web",
    port: 3000,
    portVariable: "PORT",
    healthCheckPath: "/",
    kind: "web",
  },
  console: { id: "console", image: "console", port: 3001, portVariable: "PORT", healthCheckPath: "/", kind: "web" },
};

export const serviceNames = Object.keys(serviceCatalog) as ServiceName[];
