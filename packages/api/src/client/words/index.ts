/**
 * Plain words for every code a person may meet: each vocabulary keyed by the codes the server can
 * send, `{ label, help }` for each, and counts that read right ("1 ballot", "2 ballots").
 */
export { humanized, type Words, wordsIn } from "./words";
export { isKnownRefusal, type RefusalReason, refusalWords } from "./refusal-reasons";
export { type AuditAction, auditActions, auditActionWords } from "./audit-actions";
export { electionStatusWords } from "./election-statuses";
export { type HoldReason, holdReasonWords, riskSignalWords } from "./hold-reasons";
export { voteStateWords } from "./vote-states";
export { questionKindWords } from "./question-kinds";
export { countOf, plural } from "./plural";
