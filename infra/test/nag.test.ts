import { AwsSolutionsChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { acknowledgements, awsSolutionsFindings } from "../lib/nag";
import { type StackKey, stackEntries } from "./support/app";
import { prod } from "./support/prod";

const { app, stacks } = prod;

describe("cdk-nag AWS Solutions checks", () => {
  it.each(Object.keys(stacks) as StackKey[])(
    "find nothing unacknowledged in the %s stack (errors and warnings)",
    (key) => {
      expect(awsSolutionsFindings(stacks[key])).toEqual([]);
    },
  );

  it("have a written reason for every acknowledgement", () => {
    for (const ack of acknowledgements(app).filter((a) => a.id.includes("AwsSolutions-"))) {
      expect(ack.reason.length, `${ack.path} ${ack.id}`).toBeGreaterThanOrEqual(60);
    }
  });

  it("acknowledge only findings that exist: each acknowledgement answers a finding at or under its construct", () => {
    // The same checks with acknowledgements ignored: every finding nag would report.
    const checks = new AwsSolutionsChecks();
    (checks as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    const raw = stackEntries(stacks).flatMap(([, stack]) =>
      checks
        .validateScope(stack)
        .violations.flatMap((v) =>
          v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? "" })),
        ),
    );
    const ours = acknowledgements(app).filter((a) => a.id.includes("AwsSolutions-"));
    expect(ours.length).toBeGreaterThan(0);
    for (const ack of ours) {
      const rule = ack.id.replace(/^[A-Za-z-]+::/, "");
      expect(
        raw.some(
          (finding) => finding.rule === rule && (finding.path === ack.path || finding.path.startsWith(`${ack.path}/`)),
        ),
        `${ack.path} acknowledges ${rule}, which nothing there triggers`,
      ).toBe(true);
    }
  });
});
