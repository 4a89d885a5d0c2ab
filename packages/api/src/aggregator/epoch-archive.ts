import { mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { LogRecord, SignedEpoch } from "@landslide/vote-engine";

/**
 * Sealed epochs as write-once files, `<dir>/<election>/epoch-000001.json`: the signed statement
 * and the records it seals. Locally a folder under `.landslide/`; in production the S3 bucket
 * with Object Lock takes the same documents.
 */
export class FileEpochArchive {
  constructor(private readonly dir: string) {}

  has(electionId: string, epoch: number): boolean {
    return existsSync(this.path(electionId, epoch));
  }

  async put(epoch: SignedEpoch, records: readonly LogRecord[]): Promise<void> {
    const { electionId } = epoch.statement;
    await mkdir(join(this.dir, electionId), { recursive: true });
    try {
      // "wx": an archived epoch is never rewritten, whoever tries.
      await writeFile(
        this.path(electionId, epoch.statement.epoch),
        `${JSON.stringify({ ...epoch, records }, null, 2)}\n`,
        { flag: "wx" },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }

  private path(electionId: string, epoch: number): string {
    return join(this.dir, electionId, `epoch-${String(epoch).padStart(6, "0")}.json`);
  }
}
