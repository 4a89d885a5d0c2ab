// The architecture's import rules (docs/design.md §2), as lint errors: which workspace, and which
// part of one, may import what. Each workspace's eslint.config.js takes the set that is its own.
//   export default [...base(import.meta.dirname), ...boundaries.domain];
import { builtinModules } from "node:module";
import { defineConfig } from "eslint/config";

const RULE = "@typescript-eslint/no-restricted-imports";

/** node:fs and fs, node:crypto and crypto, …: every way to name a Node built-in. */
const NODE_BUILTINS = `^(node:.*|${builtinModules
  .filter((name) => !name.startsWith("_"))
  .map((name) => name.replaceAll("/", "\\/"))
  .join("|")})(\\/.*)?$`;

/** @param {string[]} files @param {string[]} ignores @param {object[]} patterns */
const restrict = (files, ignores, patterns) =>
  defineConfig({ files, ignores, rules: { [RULE]: ["error", { patterns }] } });

/** packages/vote-engine: the domain knows nothing of AWS, databases, HTTP, tRPC, React or Node; its adapters do. */
export const domain = restrict(
  ["src/**/*.ts"],
  // Adapters implement the ports; provisioning and the test kit wire adapters together.
  ["src/adapters/**", "src/provision/**", "src/testing/**"],
  [
    {
      group: ["@aws-sdk/*", "@smithy/*"],
      message: "The domain knows nothing of AWS: use a port (ports.ts) and put the AWS code in src/adapters/.",
    },
    {
      group: ["drizzle-orm", "drizzle-orm/*", "pg", "pg-*"],
      message:
        "The domain knows nothing of the database: use a port (ports.ts) and put the SQL in src/adapters/postgres/.",
    },
    {
      regex: NODE_BUILTINS,
      message:
        "The domain runs anywhere: Node's modules belong in an adapter (src/adapters/node-crypto/ for hashing and keys).",
    },
    {
      group: ["react", "react/*", "react-dom", "react-dom/*", "next", "next/*", "@trpc/*", "express", "undici", "hono"],
      message: "The domain knows nothing of HTTP, tRPC or React: that is @landslide/api's and the apps' business.",
    },
    { group: ["@landslide/*"], message: "The domain depends on no other workspace: they depend on it." },
    {
      group: ["**/adapters/**"],
      message:
        "The domain reaches its adapters only through ports: the code that wires them is in src/provision/ or the API.",
    },
  ],
);

/**
 * packages/api's browser SDK (src/client, and the modules it shares with the server) runs in the
 * web apps: no Node built-ins, no server-only package but as types.
 */
export const browserSdk = restrict(
  [
    "src/client/**/*.ts",
    "src/device/proof.ts",
    "src/device/passkey-challenge.ts",
    "src/human-check/human-check.ts",
    "src/human-check/solve.ts",
    "src/risk/network-categories.ts",
    "src/risk/network-ranges.ts",
    "src/risk/risk-signals.ts",
  ],
  [],
  [
    {
      regex: NODE_BUILTINS,
      message: "The client SDK runs in browsers: no Node built-ins (Web Crypto and fetch are everywhere).",
    },
    {
      group: [
        "@landslide/config",
        "@landslide/local-stack",
        "@simplewebauthn/server",
        "pino",
        "drizzle-orm",
        "pg",
        "@aws-sdk/client-dynamodb*",
        "@aws-sdk/lib-dynamodb",
      ],
      allowTypeImports: true,
      message: "The client SDK runs in browsers: a server-only package may be imported as types only (import type).",
    },
    {
      group: ["**/root", "**/index", "**/trpc", "**/app-services", "**/services/*"],
      allowTypeImports: true,
      message: "The client SDK takes the server's routers as types only (import type).",
    },
  ],
);

/** apps/voter-web, apps/console and packages/ui: the API's router types and its client SDK, nothing of the engine or the data. */
export const webApp = restrict(
  ["**/*.{ts,tsx}"],
  [],
  [
    {
      group: ["@landslide/vote-engine", "@landslide/vote-engine/*"],
      message:
        "The web apps reach the engine only through the API: use @landslide/api/client (its SDK and the types it re-exports).",
    },
    {
      regex: "^@landslide/api$",
      allowTypeImports: true,
      message: "The web apps take the API's routers as types only: values come from @landslide/api/client.",
    },
    {
      regex: "^@landslide/api/(?!client$)",
      message: "The web apps use the API's client SDK (@landslide/api/client) and nothing else of it.",
    },
    {
      group: ["@landslide/local-stack", "@landslide/local-stack/*"],
      message: "The web apps know nothing of the local stack: read settings through @landslide/config.",
    },
    {
      group: ["@aws-sdk/client-dynamodb*", "@aws-sdk/lib-dynamodb", "drizzle-orm", "drizzle-orm/*", "pg"],
      message: "The web apps know nothing of the database: ask the API.",
    },
  ],
);

/** infra: the deployment describes the app; it runs none of it. */
export const infra = restrict(
  ["**/*.ts"],
  [],
  [
    {
      group: [
        "@landslide/vote-engine",
        "@landslide/vote-engine/*",
        "@landslide/api",
        "@landslide/api/*",
        "@landslide/ui",
        "@landslide/ui/*",
      ],
      allowTypeImports: true,
      message: "infra runs nothing of the app: it may import its types and @landslide/config, no code.",
    },
  ],
);
