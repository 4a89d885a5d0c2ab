import { readFileSync } from "node:fs";
import { type FormatStream, formatDifferences, fullDiff } from "@aws-cdk/cloudformation-diff";
import type { SynthesizedStack } from "./infra-app";

export interface StackChange {
  readonly stack: string;
  /** "new": no earlier template; "changed": differences below; "unchanged". */
  readonly change: "new" | "changed" | "unchanged";
  /** Resources, parameters, outputs and the like that differ. */
  readonly differences: number;
}

/**
 * Each new template against the one before it (an earlier synthesis, or what is deployed), with
 * AWS's own CloudFormation diff (the one `cdk diff` prints); the readable form goes to `print`.
 */
export function diffStacks(
  before: ReadonlyMap<string, Record<string, unknown>>,
  stacks: readonly SynthesizedStack[],
  print: FormatStream | undefined,
): StackChange[] {
  return stacks.map((stack) => {
    const previous = before.get(stack.name);
    const next = JSON.parse(readFileSync(stack.templatePath, "utf8")) as Record<string, unknown>;
    const diff = fullDiff(previous ?? {}, next);
    const change = previous === undefined ? "new" : diff.isEmpty ? "unchanged" : "changed";
    if (print && change !== "unchanged") {
      print.write(`\nStack ${stack.name} (${change})\n`);
      formatDifferences(print, diff);
    }
    return { stack: stack.name, change, differences: diff.differenceCount };
  });
}
