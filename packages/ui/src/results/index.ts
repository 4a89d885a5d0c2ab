/** Live and final results as both apps show them: the snapshot hook, a question's standings, and a runoff's rounds. */
export { newerSnapshot } from "./newer-snapshot";
export { QuestionResults, type QuestionResultsProps } from "./question-results";
export { RunoffRounds, type RunoffRoundsProps } from "./runoff-rounds";
export { type RunoffCount, runoffTransfers, transferSentence, type Transfer, winningRound } from "./runoff-transfers";
export { ballotsWord, leadSentence, leaderMark, type Outcome, votesWord } from "./standing-words";
export { POLL_MS, type Snapshot, useLiveSnapshot } from "./use-live-snapshot";
export { formatShare, type OptionStanding, type Standings, standings } from "./standings";
export { type VoteRow, voteRows } from "./vote-rows";
export {
  averageLength,
  countsScores,
  formatAverage,
  type OptionScore,
  type ScoreRangeOf,
  type ScoreStandings,
  scoreStandings,
  type ScoreTotals,
} from "./score-standings";
export {
  scoreBarFigures,
  scoreLeadSentence,
  scoreLeaderMark,
  scoreNote,
  type ScoreRow,
  scoreRows,
  type ScoreWordsInput,
} from "./score-words";
export { DRAWABLE_RANGES, drawableText, UNDRAWABLE } from "./og-glyphs";
export { type QuestionSummary, questionSummaries, resultsDescription, type SummaryInput } from "./share-summary";
export {
  abstentionsSentence,
  condorcetSentence,
  type CountColumn,
  type CountMethodName,
  type CountRow,
  countRoundsTable,
  type CountTieRule,
  type CountTransfer,
  countTransfers,
  countTransferSentence,
  electedInOrder,
  type LabelledOption,
  type MethodCount,
  type MethodCountRound,
  type MethodTieBreak,
  methodInWords,
  needsMethodView,
  type PairwiseTable,
  pairwiseTable,
  type RoundsTable,
  seatsFilledSentence,
  starRunoffSentence,
  tallyFormat,
  type TieBreakItem,
  tieBreakItems,
  tieRuleInWords,
} from "./method-count";
export { MethodCountView, type MethodCountViewProps } from "./method-count-view";
