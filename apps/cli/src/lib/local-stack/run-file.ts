import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { z } from "zod";

const exitSchema = z.object({
  code: z.number().int().nullable(),
  signal: z.string().nullable(),
  lastLine: z.string(),
  at: z.string(),
});

const runFileSchema = z.object({
  pid: z.number().int(),
  startedAt: z.string(),
  urls: z.record(z.string(), z.string()),
  /** What a client needs to sign in (no secret: app clients of a user pool are public). */
  cognito: z
    .object({
      region: z.string(),
      endpoint: z.string().optional(),
      userPoolId: z.string(),
      clientIds: z.record(z.string(), z.string()),
    })
    .optional(),
  /** The services and web apps the launcher keeps running, rewritten by it whenever one exits or answers again. */
  supervised: z
    .record(
      z.string(),
      z.object({
        pid: z.number().int().nullable(),
        restarts: z.number().int(),
        state: z.enum(["running", "waiting", "starting"]),
        lastExit: exitSchema.optional(),
      }),
    )
    .optional(),
});

export type RunFile = z.infer<typeof runFileSchema>;

/**
 * Written whole or not at all (a new file renamed over the old): the launcher rewrites it while
 * it runs, and `local down` takes a file it cannot read for a stack that has stopped.
 */
export function writeRunFile(path: string, content: RunFile): void {
  const next = `${path}.${process.pid}.tmp`;
  writeFileSync(next, `${JSON.stringify(content, null, 2)}\n`);
  renameSync(next, path);
}

/** The running stack's description, or undefined when none runs (a stale file is ignored). */
export function readRunFile(path: string): RunFile | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const parsed = runFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
    process.kill(parsed.pid, 0);
    return parsed;
  } catch {
    return undefined;
  }
}

export function removeRunFile(path: string): void {
  rmSync(path, { force: true });
}
