import { type EpochSigner, PostgresAuditLog } from "@landslide/vote-engine/postgres";
import { nodeEntropy, nodeKeys, readKeyFile } from "@landslide/vote-engine/node-crypto";
import type { AuditArchive, SignedEpoch } from "@landslide/vote-engine";
import type { Dependencies } from "../services/dependencies";

export interface SealingPolicy {
  /** Seal once this many records wait... */
  readonly epochRecords: number;
  /** ...or once the oldest has waited this long. */
  readonly epochSeconds: number;
}

/**
 * Seals each election's log into signed epochs when due, then archives every sealed epoch that
 * is not archived yet (so an archive write lost to a crash is made on the next pass).
 */
export class EpochSealer {
  constructor(
    private readonly log: PostgresAuditLog,
    private readonly signer: () => EpochSigner,
    private readonly archive: AuditArchive,
    private readonly policy: SealingPolicy,
  ) {}

  async sealDue(now = new Date()): Promise<SignedEpoch[]> {
    const olderThan = new Date(now.getTime() - this.policy.epochSeconds * 1000);
    const sealed: SignedEpoch[] = [];
    for (const electionId of await this.log.dueForSealing(this.policy.epochRecords, olderThan)) {
      sealed.push(...(await this.sealAll(electionId, now)));
    }
    return sealed;
  }

  /** Seals whatever waits in one election, due or not: for publishing a closed election's log. */
  async sealAll(electionId: string, now = new Date()): Promise<SignedEpoch[]> {
    const sealed = await this.log.seal(electionId, this.signer(), this.policy.epochRecords, now);
    await this.archiveMissing(electionId);
    return sealed;
  }

  private async archiveMissing(electionId: string): Promise<void> {
    for (const epoch of await this.log.epochs(electionId)) {
      const { firstSeq, lastSeq } = epoch.statement;
      if (!(await this.archive.hasEpoch(electionId, epoch.statement.epoch)))
        await this.archive.putEpoch(epoch, await this.log.recordsBetween(electionId, firstSeq, lastSeq));
    }
  }
}

/** The audit log's sealer, signing with the deployment's audit key (read on first use). */
export function epochSealer(
  deps: Dependencies,
  auditLog = new PostgresAuditLog(deps.controlPlane().db, nodeEntropy.sha256),
): EpochSealer {
  let keys: ReturnType<typeof nodeKeys> | undefined;
  const signer = () => {
    keys ??= nodeKeys(readKeyFile(deps.config.keysFile));
    const signing = keys;
    return { keyId: signing.auditPublicKey.keyId, sign: (payload: Uint8Array) => signing.signAudit(payload) };
  };
  return new EpochSealer(auditLog, signer, deps.auditArchive(), deps.config.audit);
}
