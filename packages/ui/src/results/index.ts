/** Live results as both apps show them: the snapshot hook, and a question's chart and table. */
export { newerSnapshot } from "./newer-snapshot";
export { QuestionResults, type QuestionResultsProps } from "./question-results";
export { POLL_MS, type Snapshot, useLiveSnapshot } from "./use-live-snapshot";
export { voteRows } from "./vote-rows";
