"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import { importRoll, readRoll, type RollRow, ROWS_PER_BATCH } from "@landslide/api/client";
import { useLandslide } from "@landslide/ui/client";
import { useElection } from "../election-context";
import { useElectionChanged } from "../official-election";
import { ReasonField, reasonProblem } from "../reason-form";
import { RefusalNotice } from "../../form/refusal-notice";
import { ImportReportView } from "../../roll/import-report";
import { RollPreview } from "../../roll/roll-preview";
import { RollSource, type RollSourceText } from "../../roll/roll-source";

/**
 * Imports an election's voter roll from CSV: read and checked in the browser, previewed, then sent
 * in batches. Rows are numbered as a spreadsheet shows the file (the header is row 1), in the
 * preview and in the problems alike.
 */
export default function VoterRollPage() {
  const { election } = useElection();
  const id = election.id;
  const sourceHeadingId = useId();
  const checkHeadingId = useId();
  const sendHeadingId = useId();
  const [source, setSource] = useState<RollSourceText | null>(null);
  const roll = useMemo(() => (source ? readRoll(source.text) : null), [source]);
  const rows = roll?.ok ? roll.rows : [];

  return (
    <>
      <h2>Voter roll</h2>
      <p>
        Only the people on the roll may vote in a roll-based election. Each row names one voter, by e-mail address or by
        an external id (a member or registry number).
      </p>
      {election.eligibility !== "voter-roll" ? (
        <p className="notice">
          This election lets anyone signed in vote, so it does not use its roll: a roll only matters for roll-based
          elections. You can still import one, for instance before switching the election to “People on a voter roll” on
          its <Link href={`/elections/${id}/ballot`}>Ballot</Link> tab.
        </p>
      ) : null}

      <section aria-labelledby={sourceHeadingId}>
        <h3 id={sourceHeadingId}>Choose the roll</h3>
        <p>
          A CSV file whose first row is a header naming an <code>email</code> column, an <code>externalId</code> column,
          or both; other columns are left out. Spreadsheets save this with “Save as… CSV”.
        </p>
        <p>
          An optional <code>language</code> column sets the language of each voter&apos;s e-mails (their invitation,
          reminders and result): <code>en</code> English, <code>es</code> Spanish, <code>fr</code> French,{" "}
          <code>de</code> German or <code>ar</code> Arabic. Left empty, or without the column, it is English. Only
          voters with an e-mail address get mail; see the <Link href={`/elections/${id}/mail`}>Mail</Link> tab.
        </p>
        <RollSource onRead={setSource} />
      </section>

      <section aria-labelledby={checkHeadingId}>
        <h3 id={checkHeadingId}>Check the rows</h3>
        {!source || !roll ? <p className="muted">Choose a file or paste the text first.</p> : null}
        {roll && !roll.ok ? (
          <p className="notice" role="alert">
            Cannot import {source?.from}: {roll.message}
          </p>
        ) : null}
        {roll?.ok ? (
          <>
            <p>
              Reading {source?.from}: <strong>{rows.length.toLocaleString("en")} rows</strong>
              {roll.blankRows > 0 ? `, after skipping ${roll.blankRows} blank ones` : ""}.
              {roll.ignoredColumns.length > 0
                ? ` Left out: the ${roll.ignoredColumns.map((name) => `“${name}”`).join(", ")} column${roll.ignoredColumns.length > 1 ? "s" : ""}.`
                : ""}
            </p>
            <p className="muted">
              Row numbers are those your spreadsheet shows: the header is row 1, so the first voter is row 2.
            </p>
            {rows.length > 0 ? (
              <RollPreview rows={rows} columns={roll.columns} />
            ) : (
              <p className="notice">There are no rows under the header.</p>
            )}
          </>
        ) : null}
      </section>

      <section aria-labelledby={sendHeadingId}>
        <h3 id={sendHeadingId}>Import</h3>
        <RollImport electionId={id} rows={rows} />
      </section>
    </>
  );
}

function RollImport({ electionId, rows }: { electionId: string; rows: readonly RollRow[] }) {
  const client = useLandslide();
  const electionChanged = useElectionChanged();
  const progressId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(0);
  const reasonError = reasonProblem(reason);

  const send = useMutation({
    mutationFn: (sent: readonly RollRow[]) =>
      importRoll(
        sent,
        (batch) => client.control.official.voterRoll.import.mutate({ electionId, reason: reason.trim(), ...batch }),
        setDone,
      ),
    onSuccess: () => electionChanged(electionId),
  });
  const running = send.isPending;
  // An import carries on if another file is chosen meanwhile; its report is only shown beside the rows it sent.
  const sending = send.variables ?? rows;
  const report = send.variables === rows ? send.data : undefined;

  const start = () => {
    setTried(true);
    if (reasonError || rows.length === 0) return;
    setDone(0);
    send.mutate(rows);
  };

  return (
    <>
      <ReasonField
        id={reasonId}
        label="Reason for this import"
        value={reason}
        onChange={setReason}
        problem={tried ? reasonError : undefined}
      />
      <div className="actions" style={{ marginTop: 0 }}>
        <button type="button" onClick={start} disabled={running || rows.length === 0}>
          Import {rows.length.toLocaleString("en")} rows
        </button>
      </div>
      <p className="muted">
        Rows are sent {ROWS_PER_BATCH} at a time. Importing again is safe: a voter already on the roll is not added
        twice, so an interrupted import is simply run again.
      </p>
      {running || report ? (
        <div style={{ marginBottom: "1rem" }}>
          <label htmlFor={progressId}>Import progress</label>
          <progress id={progressId} value={done} max={Math.max(1, sending.length)} style={{ width: "100%" }} />
        </div>
      ) : null}
      <p role="status">
        {running ? `Sent ${done.toLocaleString("en")} of ${sending.length.toLocaleString("en")} rows…` : ""}
        {report && report.stoppedBy === undefined
          ? `Done: all ${report.total.toLocaleString("en")} rows were sent.`
          : ""}
      </p>
      {report?.stoppedBy !== undefined ? (
        <RefusalNotice error={report.stoppedBy} unanswered="The control API stopped answering.">
          The import stopped after {report.done.toLocaleString("en")} of {report.total.toLocaleString("en")} rows.
          Import again to finish: rows already sent are not added twice.
        </RefusalNotice>
      ) : null}
      {send.isError ? <RefusalNotice error={send.error} unanswered="The import could not start. Try again." /> : null}
      {report ? <ImportReportView report={report} /> : null}
    </>
  );
}
