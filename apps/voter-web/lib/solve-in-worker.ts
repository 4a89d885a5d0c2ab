import type { Challenge, Solution } from "@landslide/api/client";

/** Solves a proof-of-work challenge in a Web Worker; one worker per challenge, ended when done. */
export function solveInWorker(challenge: Challenge): Promise<Solution | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./proof-of-work.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<Solution | undefined>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (error) => {
      worker.terminate();
      reject(new Error(error.message || "the human check could not run"));
    };
    worker.postMessage(challenge);
  });
}
