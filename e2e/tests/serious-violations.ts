import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";

// axe-core as @axe-core/playwright depends on it, so the two never disagree on the version.
const fromAxePlaywright = createRequire(createRequire(import.meta.url).resolve("@axe-core/playwright"));
const axeSource = readFileSync(fromAxePlaywright.resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.2 A and AA rules; only the violations' nodes are gathered (the passes are thousands). */
const options: RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
  resultTypes: ["violations"],
};

type Violations = ReadonlyArray<{ id: string; impact?: string | null; targets: string[] }>;

/**
 * WCAG 2.2 A and AA rules; a page passes with no serious or critical violation. axe runs in the
 * page itself, put there once per document (AxeBuilder sends its half-megabyte source twice on
 * every run, and opens a blank page to merge frames, which the sites do not have): the
 * accessibility specs run it hundreds of times, at every width of every page in every language.
 * Playwright's evaluate is not bound by the pages' Content Security Policy.
 */
export async function seriousViolations(page: Page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const violations: Violations = await page.evaluate(async (runOptions) => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> };
    };
    const results = await axe.run(document, runOptions);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, options);
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.targets.join(", ")}`);
}
