/**
 * The client SDK: safe for browsers (no Node built-ins), and for Node >= 20.
 * Import as `@landslide/api/client`.
 */
export {
  type CastOptions,
  createLandslideClient,
  type LandslideClient,
  type LandslideClientOptions,
  newIdempotencyKey,
} from "./landslide-client";
export { AuthError, type AuthFailure } from "./auth-error";
export {
  CognitoSession,
  type CognitoOptions,
  memorySessionStore,
  type SessionStore,
  type Tokens,
} from "./cognito-session";
export { type DeviceKeyStore, memoryDeviceKeyStore } from "./device-keys";
export type {
  AuthenticationResponseJSON,
  PasskeyAuthenticator,
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from "./passkey-authenticator";
export { type ApiRefusal, refusalOf } from "./refusal-of";
export {
  type AuditAction,
  auditActions,
  auditActionWords,
  countOf,
  electionStatusWords,
  type HoldReason,
  holdReasonWords,
  humanized,
  isKnownRefusal,
  plural,
  questionKindWords,
  type RefusalReason,
  refusalWords,
  riskSignalWords,
  voteStateWords,
  type Words,
  wordsIn,
} from "./words";
export { type InteractionKind, InteractionRecorder, type InteractionSummary } from "./interaction/interaction-recorder";
export { createDeviceKey, createProof, type DeviceKey } from "../device/proof";
export { solveChallenge } from "../human-check/solve";
export type { Challenge, HumanCheckChallenge, HumanCheckProof, Solution } from "../human-check/human-check";
export type { AppRouter, ControlApiRouter, ResultsRouter, VoteApiRouter } from "../root";
export type { RouterInputs, RouterOutputs } from "../index";
export { verifyReceipt } from "./verify-receipt";
export type { CountResult, Receipt } from "@landslide/vote-engine";
export {
  contentLanguageOf,
  contentLanguages,
  type ElectionTranslation,
  type LocalizableElection,
  type Localized,
  localizedElection,
  type TextLanguages,
} from "@landslide/vote-engine/localized-election";
export { verifyReceiptInclusion } from "./verify-inclusion";
export { type MailLanguage, mailLanguages } from "@landslide/vote-engine/mail-languages";
// What a question means when it leaves its method or score range out, as the engine counts it.
export {
  DEFAULT_SCORE_RANGE,
  type ScoreRangeOf,
  scoreRangeOf,
  USUAL_METHOD,
} from "@landslide/vote-engine/ballot-defaults";
export { type BallotShape, countersOf, EXTRA_WEIGHT, liveCounters, type NamedCounter } from "./results/counters";
export {
  type OptionStanding,
  type Standings,
  standings,
  type TotalsForStandings,
  votesCast,
} from "./results/standings";
export { csvCell, csvDocument } from "./csv-cell";
export {
  COUNTS_CSV_HEADER,
  countsCsv,
  CSV_HEADER,
  type ExportElection,
  type InstantRunoffCount,
  type RecountForExport,
  resultsCsv,
  resultsFileName,
  resultsJson,
} from "./results/export-results";
export { type TabulatorContest, type TabulatorSummary, tabulatorSummary } from "./results/tabulator-summary";
export { parseCsv } from "./roll/parse-csv";
export {
  readRoll,
  ROLL_COLUMNS,
  type RollColumn,
  type RollFile,
  type RollFileProblem,
  type RollRow,
} from "./roll/read-roll";
export {
  type ImportReport,
  importRoll,
  MAX_VALUE_LENGTH,
  type RowError,
  type RowProblem,
  ROWS_PER_BATCH,
  type SendBatch,
} from "./roll/import-roll";
export {
  networkListParts,
  type NetworkListFile,
  type NetworkListFormat,
  readNetworkList,
} from "./threats/read-network-list";
export { type NetworkCategory, networkCategories } from "../risk/network-categories";
