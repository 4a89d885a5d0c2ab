import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { synthesize } from "../lib/synthesize";

const outdir = mkdtempSync(join(tmpdir(), "landslide-synth-"));
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

// The function `election synth` calls: cdk-nag and CDK's CloudFormation schema checks included,
// with an account given (the case in which a context lookup would otherwise be attempted).
const result = synthesize({ env: "prod", outdir, overrides: { account: "123456789012", imageTag: "v1.2.3" } });

describe("synthesize()", () => {
  it("writes a template for every stack, in an order that respects dependencies", () => {
    expect(result.stacks.map((s) => s.name)).toEqual(
      expect.arrayContaining(
        ["Network", "Data", "Identity", "Registry", "Services", "Edge", "Observability"].map(
          (s) => `Landslide-prod-${s}`,
        ),
      ),
    );
    expect(result.stacks).toHaveLength(7);
    const position = new Map(result.stacks.map((s, i) => [s.name, i]));
    expect(result.stacks.find((s) => s.name.endsWith("Services"))?.dependsOn).toEqual(
      expect.arrayContaining(["Network", "Data", "Identity", "Registry"].map((s) => `Landslide-prod-${s}`)),
    );
    for (const stack of result.stacks) {
      expect(existsSync(stack.templatePath), stack.templatePath).toBe(true);
      for (const dependency of stack.dependsOn)
        expect(position.get(dependency), `${stack.name} after ${dependency}`).toBeLessThan(position.get(stack.name)!);
    }
    expect(result.stacks.find((s) => s.name === "Landslide-prod-Edge")?.region).toBe("us-east-1");
  });

  it("needs no context lookup (offline) and takes the image tag given", () => {
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { missing?: unknown[] };
    expect(manifest.missing ?? []).toEqual([]);
    expect(readFileSync(result.stacks.find((s) => s.name.endsWith("Services"))!.templatePath, "utf8")).toContain(
      ":v1.2.3",
    );
  });

  it("refuses invalid parameters with a readable message", () => {
    expect(() => synthesize({ env: "prod", outdir, overrides: { imageTag: "not a tag" } })).toThrow(
      /imageTag: imageTag must be a Docker tag/,
    );
  });
});
