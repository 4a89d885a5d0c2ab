/** The service entry points, as files the launcher starts as separate processes. */
export const serviceEntryPoints = {
  "vote-api": new URL("./vote-api.ts", import.meta.url),
  "control-api": new URL("./control-api.ts", import.meta.url),
  results: new URL("./results.ts", import.meta.url),
  aggregator: new URL("./aggregator.ts", import.meta.url),
} as const;

export type ServiceName = keyof typeof serviceEntryPoints;
