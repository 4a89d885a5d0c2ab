import { riskWeightsTable } from "./risk-weights";
import type { SectionRenderer } from "./sections";
import { settingsTable } from "./settings";

/** Every generated section of the docs, by the name in its markers. */
export const generators: Readonly<Record<string, SectionRenderer>> = {
  "risk-weights": riskWeightsTable,
  settings: settingsTable,
};
