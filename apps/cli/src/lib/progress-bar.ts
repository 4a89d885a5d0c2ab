import { SingleBar } from "cli-progress";

/** A progress bar on stderr, so stdout keeps only the result (and the --json document). */
export interface ProgressBar {
  update(done: number): void;
  stop(): void;
}

/**
 * A bar for `total` steps of `what` ("rows", "votes"). On a terminal it redraws in place with a
 * rate and time left; elsewhere (a pipe, CI) it says nothing, since a log of redraws helps no one.
 */
export function progressBar(what: string, total: number): ProgressBar {
  const bar = new SingleBar({
    stream: process.stderr,
    format: `{bar} {percentage}% | {value}/{total} ${what} | {eta_formatted} left`,
    barCompleteChar: "█",
    barIncompleteChar: "░",
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
