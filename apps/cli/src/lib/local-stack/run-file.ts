import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { z } from "zod";

const runFileSchema = z.object({
  pid: z.number().int(),
  startedAt: z.string(),
  urls: z.record(z.string(), z.string()),
  /** What a client needs to sign in (no secret: app clients of a user pool are public). */
  cognito: z
    .object({ region: z.string(), endpoint: z.string().optional(), userPoolId: z.string(), clientIds: z.record(z.string(), z.string()) })
    .optional(),
});

export type RunFile = z.infer<typeof runFileSchema>;

export function writeRunFile(path: string, content: RunFile): void {
  writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
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
