import type { _Record as StreamRecord } from "@aws-sdk/client-dynamodb-streams";
import { z } from "zod";
import { canonicalBallotSchema } from "../../ballot/canonical-answer-schema";
import type { CanonicalBallot } from "../../ballot/validate-ballot";
import { countsVote, type VoteChange } from "../../tally/vote-change";
import type { ReviewEvidence, VoteState } from "../../vote/stored-vote";
import type { SignedRecord } from "../../vote/verify-record";
import { optionOrderOfItem, weightOfItem } from "./vote-item";

const states: readonly VoteState[] = ["accepted", "quarantined", "released", "voided"];

/** Reads a votes-table change record; a record that is not a vote says why instead. */
export function toVoteChange(record: StreamRecord): { ok: true; change: VoteChange } | { ok: false; reason: string } {
  const sequenceNumber = record.dynamodb?.SequenceNumber;
  if (!sequenceNumber) return { ok: false, reason: "record without a sequence number" };
  const kind = record.eventName;
  if (kind !== "INSERT" && kind !== "MODIFY" && kind !== "REMOVE")
    return { ok: false, reason: `unknown event ${String(kind)}` };
  const image = record.dynamodb?.NewImage ?? record.dynamodb?.OldImage;
  const electionId = image?.electionId?.S;
  const voterKey = image?.voterKey?.S;
  const state = (image?.state?.S ?? image?.decision?.S) as VoteState | undefined;
  if (!electionId || !voterKey) return { ok: false, reason: "vote without electionId or voterKey" };
  if (!state || !states.includes(state)) return { ok: false, reason: `vote with unknown state ${String(state)}` };
  let ballot: CanonicalBallot;
  try {
    ballot = canonicalBallotSchema.parse(JSON.parse(image?.ballot?.S ?? ""));
  } catch {
    return { ok: false, reason: "vote whose ballot is not a canonical ballot" };
  }
  const reasons = (image?.reasons?.L ?? []).flatMap((r) => (r.S ? [r.S] : []));
  const change: VoteChange = {
    sequenceNumber,
    kind,
    electionId,
    voterKey,
    state,
    ballot,
    reasons,
    ...(image?.receiptId?.S ? { receiptId: image.receiptId.S } : {}),
    ...(image?.castAt?.S ? { castAt: image.castAt.S } : {}),
    ...(image?.commitment?.S ? { commitment: image.commitment.S } : {}),
    ...weightOfItem(image ?? {}),
    ...evidenceOf(image?.evidence?.S),
    ...signedRecordOf(image, electionId, voterKey, ballot),
  };
  // The audit log records what each counted vote's receipt committed to; without it the vote cannot count.
  if (countsVote(change) && !(change.receiptId && change.commitment && change.castAt))
    return { ok: false, reason: "counted vote without its receipt" };
  return { ok: true, change };
}

type Image = NonNullable<NonNullable<StreamRecord["dynamodb"]>["NewImage"]>;

/** The receipt (with its binding) and salt as stored, for the aggregator to check; absent when any part is missing. */
function signedRecordOf(
  image: Image | undefined,
  electionId: string,
  voterKey: string,
  ballot: CanonicalBallot,
): { signed?: SignedRecord } {
  const s = (name: string) => image?.[name]?.S;
  const [receiptId, castAt, commitment, keyId, binding, signature, salt, decision] = [
    "receiptId",
    "castAt",
    "commitment",
    "keyId",
    "binding",
    "signature",
    "salt",
    "decision",
  ].map(s);
  if (
    !receiptId ||
    !castAt ||
    !commitment ||
    !keyId ||
    !signature ||
    salt === undefined ||
    (decision !== "accepted" && decision !== "quarantined")
  )
    return {};
  const receipt = {
    receiptId,
    electionId,
    castAt,
    commitment,
    keyId,
    binding: binding ?? "",
    signature,
    ...weightOfItem(image ?? {}),
    ...optionOrderOfItem(image ?? {}),
  };
  return { signed: { electionId, voterKey, decision, ballot, salt, receipt } };
}

const evidenceSchema = z.object({ deviceId: z.string(), networkBlock: z.string(), score: z.number() });

/** A held ballot's review evidence; one that does not parse is left out (the vote still counts correctly). */
function evidenceOf(json: string | undefined): { evidence?: ReviewEvidence } {
  if (!json) return {};
  try {
    const parsed = evidenceSchema.safeParse(JSON.parse(json));
    return parsed.success ? { evidence: parsed.data } : {};
  } catch {
    return {};
  }
}
