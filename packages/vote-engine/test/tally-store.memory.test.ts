import { InMemoryTallyStore } from "../src/adapters/memory";
import { tallyStoreContract } from "./contract/tally-store.contract";

tallyStoreContract("in-memory", () => new InMemoryTallyStore(4));
