/// <reference lib="webworker" />
import { type Challenge, solveChallenge } from "@landslide/api/client";

// Tries numbers off the main thread, so the page stays responsive while the voter reads the ballot.
self.onmessage = async (event: MessageEvent<Challenge>) => {
  self.postMessage(await solveChallenge(event.data));
};
