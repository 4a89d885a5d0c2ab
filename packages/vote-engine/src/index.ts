export * from "./election/definition";
export { DEMO_ELECTION_ID, demoElection } from "./election/demo";
export {
  checkTranslations,
  type ElectionTranslations,
  keptTranslations,
  languageTag,
  MAX_TRANSLATIONS,
  type TranslationProblem,
  translationSchema,
  translationsSchema,
} from "./election/translations";
export * from "./election/localized-election";
export {
  type BallotOrder,
  ballotOrderFor,
  ballotOrderSchema,
  type OptionOrderRule,
  optionOrderRules,
  optionOrderRuleSchema,
} from "./election/option-order";
export { DEFAULT_SCORE_RANGE, type ScoreRange, scoreRangeOf, scoreRangeSchema } from "./election/score-range";
export { countingOf, countingProblem, type QuestionCounting, questionCountingSchema } from "./election/counting-rules";
export { type TieRule, checkTieRule, tieBreakerFor, tieRuleOf, tieRuleSchema } from "./election/tie-rule";
export {
  checkCastingAllowed,
  effectiveStatus,
  ELECTION_READ_MAX_AGE_MS,
  replaceQuestions,
  STOP_NOTICE_MS,
  transition,
  type TransitionContext,
  votingDeadline,
} from "./election/lifecycle";
export { type Answer, type Ballot, BALLOT_LIMITS, ballotSchema } from "./ballot/ballot-schema";
export { type CanonicalAnswer, type CanonicalBallot, validateBallot } from "./ballot/validate-ballot";
export { canonicalAnswerSchema, canonicalBallotSchema } from "./ballot/canonical-answer-schema";
export { canonicalBallotJson } from "./ballot/canonical-json";
export { castVote, type CastVoteCommand, type CastVoteDependencies, type CastVoteOutcome } from "./vote/cast-vote";
export { commitmentPayload, receiptSigningPayload } from "./vote/receipt";
export { recordBinding } from "./vote/record-binding";
export { deadLetterReasons, describeDeadLetterReason } from "./tally/dead-letter-reasons";
export {
  type RecordCheck,
  type RecordRejection,
  type RecordVerifier,
  recordVerifier,
  type SignedRecord,
} from "./vote/verify-record";
export type { Decision, Receipt, ReviewEvidence, StoredVote, VoteState } from "./vote/stored-vote";
export type {
  BatchCommit,
  ChangeObserver,
  Checkpoint,
  CountedBallotSink,
  DeadLetter,
  DeadLetterQueue,
  FraudCaseSink,
  NonceStore,
  QueuedDeadLetter,
  TallyStore,
  VoterRoll,
} from "./ports";
export {
  identityEntries,
  MAX_VOTER_WEIGHT,
  normalizeEmail,
  parseRollRows,
  parseWeight,
  reweightedRows,
  rollKey,
  type RollEntry,
  type RollKind,
  type RollRecipient,
  type RollRowError,
  type RollRowProblem,
  type VoterIdentity,
} from "./roll/voter-roll";
export {
  type Clock,
  type ElectionCopies,
  type ElectionReader,
  type Entropy,
  type Keys,
  type PutOnceOutcome,
  type Review,
  type ReviewOutcome,
  systemClock,
  type VoteStore,
  type DeliveryEvents,
  type Mailer,
  type OutgoingMail,
  type ReceivedEvent,
  type SendOutcome,
} from "./ports";
export { reviewVote } from "./vote/review-vote";
export { withholdVote } from "./vote/withhold-vote";
export {
  DEFAULT_GROUPING,
  type GroupingRules,
  groupHeldBallots,
  type HeldBallot,
  type HeldGroup,
  type HeldGroupKind,
} from "./vote/group-held-ballots";
export { type DomainError, type ErrorCode, errorCodes, type Result } from "./result";
export { compareWithLiveTally, countQuestion, type Recount, recount, type TallyDifference } from "./tally/recount";
export * from "./tally/counting";
export {
  instantRunoff,
  type InstantRunoffInput,
  type InstantRunoffResult,
  type InstantRunoffRound,
} from "./tally/instant-runoff";
export { buildResultsSnapshot, type ResultsSnapshot } from "./tally/results-snapshot";
export { tallyDelta, type TallyDelta } from "./tally/tally-delta";
export { countsVote, type VoteChange } from "./tally/vote-change";
export { castBeforeDeadline, type ChangeAdmission, signedChangesOnly } from "./tally/admit-change";
export * from "./audit/index";
export * from "./notifications/index";
