"use client";

import Link from "next/link";
import { resultsCsv, resultsFileName, resultsJson } from "@landslide/api/client";
import { Alert, Button, EmptyState } from "@landslide/ui/components";
import { useElection } from "./election-context";
import { failureMessage } from "./failure-message";
import { formatClock } from "./local-time";

const NOTE_ID = "export-note";

/**
 * Downloads of the certified result, built from a recount (every stored vote counted again), never
 * from the live tally. Only once certified: a file of an uncertified count passed around as "the
 * result" is what this tab exists to prevent.
 */
export function ExportPanel() {
  const { election, live, recount } = useElection();
  if (election.status !== "certified") {
    return (
      <EmptyState
        headingLevel={2}
        title="The result is not certified yet"
        body="Results can be exported once they are certified, on the Recount & certification tab."
        action={<Link href={`/elections/${election.id}`}>Back to the overview</Link>}
      />
    );
  }
  const latest = recount.latest;
  const download = (format: "csv" | "json") => {
    if (!latest) return;
    const name = resultsFileName(election, latest.at, format);
    if (format === "csv") {
      // The byte-order mark makes spreadsheet programs read the labels as UTF-8 (accents, names).
      downloadFile(name, new Blob(["\uFEFF", resultsCsv(election, latest.result)], { type: "text/csv;charset=utf-8" }));
    } else {
      downloadFile(name, new Blob([resultsJson(election, latest.result, latest.at)], { type: "application/json" }));
    }
  };
  const count = () => recount.run.mutate({ version: live.snapshot.data?.version, storedStatus: election.storedStatus });
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export the certified result</h2>
      <p id={NOTE_ID} className="muted">
        {latest
          ? `Built from the recount of ${formatClock(latest.at.getTime())}: every stored vote, counted again.`
          : "The files are built from a recount of every stored vote: count them first (nothing changes since the result is certified)."}
      </p>
      <div className="actions">
        {latest ? null : (
          <Button onClick={count} loading={recount.run.isPending}>
            {recount.run.isPending ? "Counting…" : "Count the stored votes"}
          </Button>
        )}
        <Button
          variant={latest ? "primary" : "secondary"}
          disabled={!latest}
          aria-describedby={NOTE_ID}
          onClick={() => download("csv")}
        >
          Download results CSV
        </Button>
        <Button variant="secondary" disabled={!latest} aria-describedby={NOTE_ID} onClick={() => download("json")}>
          Download results JSON
        </Button>
      </div>
      {recount.run.isError ? (
        <Alert tone="danger" title="The votes could not be counted">
          {failureMessage(recount.run.error, "The control API did not answer. Try again.")}
        </Alert>
      ) : null}
    </section>
  );
}

/** Saves a file the page built itself: a temporary link to an object URL, released once the download has started. */
function downloadFile(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
