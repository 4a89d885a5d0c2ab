export { InMemoryElections } from "./election-reader";
export { InMemoryVoteStore } from "./vote-store";
export { InMemoryTallyStore } from "./tally-store";
export { InMemoryVoterRoll } from "./voter-roll";
export { InMemoryNonceStore } from "./nonce-store";
export { InMemoryDeadLetterQueue } from "./dead-letter-queue";
