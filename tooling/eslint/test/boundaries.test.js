// The import boundaries are live: each workspace's own eslint.config.js, as `npm run lint` loads
// it, rejects a file that crosses its boundary and accepts the same import where it is allowed.
// Files are linted as text at paths inside the workspaces (nothing is written); the type-aware
// rules need a file on disk, so they are off here: the boundary rules need no types.
import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const BOUNDARY = "@typescript-eslint/no-restricted-imports";

/** The boundary errors ESLint reports for `code` at `path` (relative to the repository), with the workspace's config. */
async function boundaryErrors(workspace, path, code) {
  const cwd = join(repo, workspace);
  const eslint = new ESLint({ cwd, overrideConfig: [tseslint.configs.disableTypeChecked] });
  const [result] = await eslint.lintText(code, { filePath: join(cwd, path) });
  assert.ok(result, `ESLint linted nothing at ${workspace}/${path}`);
  const fatal = result.messages.filter((m) => m.fatal);
  assert.deepEqual(fatal, [], "the file must parse");
  return result.messages.filter((m) => m.ruleId === BOUNDARY).map((m) => m.message);
}

describe("the domain (packages/vote-engine) knows nothing of AWS, databases, HTTP or Node", () => {
  it("refuses the AWS SDK in the core, and names the way out", async () => {
    const errors = await boundaryErrors(
      "packages/vote-engine",
      "src/vote/probe.ts",
      'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";\nexport const c = DynamoDBClient;\n',
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /knows nothing of AWS.*src\/adapters/);
  });

  it("refuses Node built-ins, with or without node:, and reaching into an adapter", async () => {
    const errors = await boundaryErrors(
      "packages/vote-engine",
      "src/tally/probe.ts",
      'import { createHash } from "node:crypto";\nimport { readFileSync } from "fs";\nimport { x } from "../adapters/memory/store";\nexport const all = [createHash, readFileSync, x];\n',
    );
    assert.equal(errors.length, 3);
  });

  it("lets an adapter use the AWS SDK", async () => {
    const errors = await boundaryErrors(
      "packages/vote-engine",
      "src/adapters/dynamodb/probe.ts",
      'import { DynamoDBClient } from "@aws-sdk/client-dynamodb";\nexport const c = DynamoDBClient;\n',
    );
    assert.deepEqual(errors, []);
  });
});

describe("the browser SDK (packages/api/src/client) runs in browsers", () => {
  it("refuses node:crypto", async () => {
    const errors = await boundaryErrors(
      "packages/api",
      "src/client/probe.ts",
      'import { randomUUID } from "node:crypto";\nexport const id = randomUUID();\n',
    );
    assert.equal(errors.length, 1);
    assert.match(errors[0], /runs in browsers/);
  });

  it("takes server modules as types only", async () => {
    const value = await boundaryErrors(
      "packages/api",
      "src/client/probe.ts",
      'import { appRouter } from "../root";\nexport const r = appRouter;\n',
    );
    assert.equal(value.length, 1);
    const type = await boundaryErrors(
      "packages/api",
      "src/client/probe.ts",
      'import type { AppRouter } from "../root";\nexport type R = AppRouter;\n',
    );
    assert.deepEqual(type, []);
  });

  it("leaves the server's own code free to use Node", async () => {
    const errors = await boundaryErrors(
      "packages/api",
      "src/http/probe.ts",
      'import { createServer } from "node:http";\nexport const s = createServer;\n',
    );
    assert.deepEqual(errors, []);
  });
});

describe("the web apps reach the engine only through the API", () => {
  for (const workspace of ["apps/voter-web", "apps/console", "packages/ui"]) {
    it(`${workspace} refuses @landslide/vote-engine and the API's server code, and takes the client SDK`, async () => {
      const errors = await boundaryErrors(
        workspace,
        "app/probe.tsx",
        [
          'import { castVote } from "@landslide/vote-engine";',
          'import { appRouter } from "@landslide/api";',
          'import { createTestStack } from "@landslide/api/testing";',
          'import { createLandslideClient } from "@landslide/api/client";',
          'import type { AppRouter } from "@landslide/api";',
          "export type R = AppRouter;",
          "export const all = [castVote, appRouter, createTestStack, createLandslideClient];",
        ].join("\n"),
      );
      assert.equal(errors.length, 3, errors.join("\n"));
      assert.match(errors[0], /only through the API/);
    });
  }
});
