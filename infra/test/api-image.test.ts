import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { serviceCatalog, serviceNames } from "../lib/service-catalog";
import { logicalIdOf } from "./support/app";
import { prod } from "./support/prod";

const repository = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const { templates, stacks } = prod;

/** The `api` target of the Dockerfile: from its FROM line to the next stage or the end. */
function apiStage(): string {
  const dockerfile = readFileSync(repository("Dockerfile"), "utf8");
  const start = dockerfile.search(/^FROM \S+ AS api$/m);
  expect(start, "the Dockerfile has no api target").toBeGreaterThanOrEqual(0);
  const rest = dockerfile.slice(start);
  const next = rest.slice(1).search(/^FROM /m);
  return next === -1 ? rest : rest.slice(0, next + 1);
}

describe("the API image and the task definitions that run it", () => {
  const apiServices = serviceNames.filter((name) => serviceCatalog[name].image === "api");

  it.each(apiServices)("%s runs its bundle with plain Node, no tsx", (name) => {
    const { id, command } = serviceCatalog[name];
    expect(command).toEqual(["node", "--enable-source-maps", `packages/api/dist/${id}.mjs`]);
    // packages/api/build.mjs bundles src/services/<id>.ts into dist/<id>.mjs.
    expect(existsSync(repository(`packages/api/src/services/${id}.ts`))).toBe(true);

    const task =
      templates.services.findResources("AWS::ECS::TaskDefinition")[
        logicalIdOf(stacks.services.services[name].service.taskDefinition)
      ];
    const container = (task?.Properties as { ContainerDefinitions: { Command?: string[] }[] }).ContainerDefinitions[0]!;
    expect(container.Command).toEqual(command);
    expect(JSON.stringify(container)).not.toMatch(/\btsx\b/);
  });

  it("is the Node 24 slim image with the bundle at /app/packages/api/dist, started like the vote API by default", () => {
    const stage = apiStage();
    expect(readFileSync(repository("Dockerfile"), "utf8")).toMatch(/^ARG NODE_IMAGE=node:24-bookworm-slim$/m);
    expect(stage).toMatch(/^FROM \$\{NODE_IMAGE\} AS api$/m);
    expect(stage).toMatch(/^WORKDIR \/app$/m);
    expect(stage).toMatch(/^COPY --from=\S+ \S+\/packages\/api\/dist\/ \.\/packages\/api\/dist\/$/m);
    expect(stage).toMatch(/^USER node$/m);
    // What runs is the bundle alone: no workspace, node_modules or tsx is copied in.
    expect(stage).not.toMatch(/node_modules|tsx|npm (ci|install)/);
    const cmd = stage.match(/^CMD (\[.*\])$/m)?.[1];
    expect(cmd && JSON.parse(cmd)).toEqual(serviceCatalog.voteApi.command);
  });
});
