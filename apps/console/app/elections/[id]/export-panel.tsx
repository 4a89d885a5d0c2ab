"use client";

import { type ExportElection, resultsCsv, resultsFileName, resultsJson } from "@landslide/api/client";
import { formatClock } from "./local-time";
import type { RecountRun } from "./use-recount";

const NOTE_ID = "export-note";

/** Downloads of the latest recount: CSV for spreadsheets, JSON with the instant-runoff rounds too. */
export function ExportPanel({ election, latest }: { election: ExportElection; latest: RecountRun | undefined }) {
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
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p id={NOTE_ID} className="muted">
        {latest
          ? `Built from the recount of ${formatClock(latest.at.getTime())}: every stored vote, counted again. Run the recount again for newer figures.`
          : "The files are built from a recount, not from the live tally: run the recount above first."}
      </p>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          disabled={!latest}
          aria-describedby={NOTE_ID}
          onClick={() => download("csv")}
        >
          Download results CSV
        </button>
        <button
          type="button"
          className="secondary"
          disabled={!latest}
          aria-describedby={NOTE_ID}
          onClick={() => download("json")}
        >
          Download results JSON
        </button>
      </div>
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
