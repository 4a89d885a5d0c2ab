import { join } from "node:path";
import { riskWeights } from "../../packages/api/src/risk/risk-signals";
import { environmentSchema } from "../../packages/config/src/schema";
import { code, markdownTable } from "./markdown";
import { repoRoot } from "./sections";
import { propertyComments } from "./source-comments";

/**
 * generated:risk-weights — the risk signals and their weights as the vote API scores them
 * (`riskWeights` in packages/api/src/risk/risk-signals.ts, with the comment above each), and the
 * thresholds' defaults from packages/config.
 */

const SIGNALS_FILE = join(repoRoot, "packages/api/src/risk/risk-signals.ts");

export function riskWeightsTable(): string {
  const comments = propertyComments(SIGNALS_FILE, "riskWeights");
  const rows = Object.entries(riskWeights).map(([signal, weight]) => {
    const comment = comments.get(signal);
    if (comment === undefined)
      throw new Error(`${SIGNALS_FILE}: ${signal} is in riskWeights but not among its written properties`);
    return [code(signal), String(weight), comment];
  });
  const quarantine = environmentSchema.shape.LANDSLIDE_RISK_QUARANTINE_SCORE.parse(undefined);
  const refuse = environmentSchema.shape.LANDSLIDE_RISK_REFUSE_SCORE.parse(undefined);
  return [
    markdownTable(["signal", "weight", "fires when"], rows),
    `The weights of the signals a cast fires add up to its score. A score of at least ` +
      `\`LANDSLIDE_RISK_QUARANTINE_SCORE\` (default ${quarantine}) holds the ballot for review: stored, ` +
      `counted only if an official releases it. A score of at least \`LANDSLIDE_RISK_REFUSE_SCORE\` ` +
      `(default ${refuse}) refuses the cast (\`RISK_REFUSED\`) and stores nothing.`,
  ].join("\n\n");
}
