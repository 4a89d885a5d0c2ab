import { count } from "../format";
import type { Check } from "./check";
import type { Diagnosis } from "./diagnose";

const marks: Record<Check["status"], string> = { ok: "✓", warn: "!", fail: "✗" };

/** A line per check, its fix indented below, and a summary line. */
export function renderDiagnosis({ ok, checks }: Diagnosis): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  const lines = checks.flatMap((c) => [
    `${marks[c.status]} ${c.name.padEnd(width)}  ${c.detail}`,
    ...(c.fix ? [`    → ${c.fix}`] : []),
  ]);
  const warnings = checks.filter((c) => c.status === "warn").length;
  const failures = checks.filter((c) => c.status === "fail").length;
  const tally = `${count(checks.length, "check")}: ${checks.length - warnings - failures} ok, ${count(warnings, "warning")}, ${failures} failed`;
  return [...lines, "", ok ? `${tally}. Nothing is broken.` : `${tally}. Fix the ✗ lines above.`].join("\n");
}
