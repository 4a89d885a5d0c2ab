import { InMemoryVoteStore } from "../src/adapters/memory";
import { voteStoreContract } from "./contract/vote-store.contract";

voteStoreContract("in-memory", () => new InMemoryVoteStore());
