export * from "./election/definition";
export { DEMO_ELECTION_ID, demoElection } from "./election/demo";
export { type Clock, systemClock } from "./ports";
