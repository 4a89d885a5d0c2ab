/**
 * Each dead letter's reason code in plain words, for operators reading the dead-letter queue
 * (`election dead-letters list`). The codes are the aggregator's (RecordRejection, plus
 * UNREADABLE for a change record that is no vote); an unknown one is shown as it is.
 */
export const deadLetterReasons: Readonly<Record<string, string>> = {
  UNSIGNED_RECORD:
    "written around the vote API: no receipt, or one that does not verify or is bound to another row (never counted)",
  BALLOT_NOT_COMMITTED: "the stored ballot is not the one its receipt committed to (never counted)",
  LATE_CAST: "cast at or after its election's voting deadline",
  UNREADABLE: "not a vote the aggregator can read (a malformed row)",
};

export function describeDeadLetterReason(code: string): string {
  return deadLetterReasons[code] ?? "a reason this version does not know";
}
