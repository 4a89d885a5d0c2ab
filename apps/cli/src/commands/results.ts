import { Flags, ux } from "@oclif/core";
import { EventSource } from "eventsource";
import { createLandslideClient, type LandslideClient } from "@landslide/api/client";
import { loadConfig } from "@landslide/config";
import type { ResultsSnapshot } from "@landslide/vote-engine";
import { BaseCommand } from "../lib/base-command";
import { carryExitCode } from "../lib/exit-code";
import { followResults } from "../lib/live-results";
import { electionIdArg } from "../lib/official-command";
import { reachOrExplain } from "../lib/public-client";
import { withStandings } from "../lib/results-standings";
import { addsToTable, countView } from "../lib/count-view";
import { resultsTable } from "../lib/results-view";
import { withSpinner } from "../lib/spinner";

export default class Results extends BaseCommand {
  static override summary =
    "Show an election's results: per question each option's votes and share; --watch follows them live.";
  static override description = [
    "Results are public: no sign-in. The results service is the configuration's (LANDSLIDE_RESULTS_URL, the local stack by default). A share is of the votes given to options (abstentions apart); on a multi-choice question, of the ballots that answered it, so shares may add past 100%. Under each question a line names the leader, or says the lead is tied; a ranked question's live counts are first preferences (the instant-runoff rounds come with 'election elections export' once the election closes). A score question shows each option's average score and total score, highest average first, and the range the scores run over; an average is of the ballots (with a weighted roll, the votes) that scored the question, abstentions apart.",
    "With --watch the table is redrawn in place whenever the tally moves, over the service's live stream (Server-Sent Events), or by polling every 2 s when the stream is not available, until Ctrl-C.",
    "Once voting has ended, each question counted by a method with rounds (instant runoff, single transferable vote), for several seats, or by a Condorcet, Borda, score or STAR count is shown again as the final count recounted from the stored ballots: who was elected, each option's figure round by round, the votes moved after each round, the head-to-head matrix, STAR's runoff (the ballots preferring each finalist, and those that scored both the same), and every tie with the rule that settled it.",
    "With --json: one snapshot as a JSON document, each option with its share (0-1, null before any vote) and whether it leads (on a score question, `votes` is an option's total score, `average` its average score, null before any ballot scores the question, and `share` null), each question with its leaders (option ids) and whether they are tied; once voting has ended, `counts` holds every question's final count by question id (method, seats, rounds, winners, tieBreaks). With --watch --json: newline-delimited JSON, one such snapshot a line, each newer (a higher version) than the one before; notes go to stderr.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --watch",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --watch --json | jq -c '{version, turnout}'",
  ];
  static override args = { id: electionIdArg };
  static override flags = {
    watch: Flags.boolean({ char: "w", description: "follow the results live, until Ctrl-C" }),
  };

  async run(): Promise<(ReturnType<typeof withStandings> & { counts?: unknown }) | undefined> {
    const { args, flags } = await this.parse(Results);
    const config = loadConfig();
    const client = createLandslideClient({
      urls: config.urls,
      cognito: {
        region: config.aws.region,
        endpoint: config.aws.cognitoEndpoint,
        clientId: config.cognito.cliClientId ?? "public",
      },
      userAgent: "landslide-cli",
      EventSource,
    });
    const [snapshot, election] = await withSpinner("Reading the results", () =>
      reachOrExplain("the results service", config.urls.results, () =>
        Promise.all([
          client.results.results.snapshot.query({ electionId: args.id }),
          // Only for the heading: drafts are not public, and their results are all zeros anyway.
          client.results.elections.get.query({ electionId: args.id }).catch(() => undefined),
        ]),
      ),
    );
    if (!flags.watch) {
      const counts = await this.finalCounts(client, args.id, election?.status);
      if (!this.jsonEnabled()) {
        ux.stdout(resultsTable(snapshot, election));
        const told = snapshot.questions.flatMap((q) => {
          const count = counts?.[q.id];
          return count && addsToTable(count) ? [countView(q, count)] : [];
        });
        if (told.length)
          ux.stdout(["", "Final count, recounted from the stored ballots:", "", told.join("\n\n")].join("\n"));
      }
      return { ...withStandings(snapshot), ...(counts ? { counts } : {}) };
    }
    await this.watch(client, snapshot, election && { title: election.title });
    return undefined;
  }

  /** Once voting has ended: every question's count by its method (rounds, winners, seats, ties). */
  private async finalCounts(client: LandslideClient, electionId: string, status: string | undefined) {
    if (status !== "closed" && status !== "certified") return undefined;
    const final = await withSpinner("Reading the final count", () =>
      client.results.results.final.query({ electionId }),
    );
    return final.counts;
  }

  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    return super.catch(carryExitCode(error));
  }

  /** Shows each newer snapshot until Ctrl-C: redrawn in place on a terminal, one after another otherwise, one a line with --json. */
  private async watch(
    client: LandslideClient,
    first: ResultsSnapshot,
    election: { title: string } | undefined,
  ): Promise<void> {
    const json = this.jsonEnabled();
    const redraw = !json && process.stdout.isTTY === true;
    let shown = first;
    let status = "connecting";
    let linesOnScreen = 0;

    const show = () => {
      if (json) return void process.stdout.write(`${JSON.stringify(withStandings(shown))}\n`);
      const text = `${resultsTable(shown, election)}\n\n${redraw ? `(${status}; Ctrl-C to stop)` : ""}\n`;
      // Back to where the previous table began, and clear from there down.
      if (redraw && linesOnScreen > 0) process.stdout.write(`\x1b[${linesOnScreen}F\x1b[J`);
      process.stdout.write(text);
      linesOnScreen = text.split("\n").length - 1;
    };

    show();
    await new Promise<void>((resolve) => {
      const stop = followResults(client, first, {
        snapshot: (snapshot) => {
          shown = snapshot;
          show();
        },
        status: (next) => {
          if (next === status) return;
          status = next;
          if (redraw) show();
          else process.stderr.write(`results: ${next}\n`);
        },
      });
      const finish = () => {
        stop();
        resolve();
      };
      process.once("SIGINT", finish);
      process.once("SIGTERM", finish);
    });
  }
}
