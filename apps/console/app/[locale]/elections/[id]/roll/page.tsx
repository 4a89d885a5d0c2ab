"use client";

import { useMutation } from "@tanstack/react-query";
import { type ReactNode, useId, useMemo, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { importRoll, readRoll, type RollRow, ROWS_PER_BATCH } from "@landslide/api/client";
import { useLandslide } from "@landslide/ui/client";
import { Link } from "@landslide/ui/i18n/navigation";
import { useElection } from "../election-context";
import { useElectionChanged } from "../official-election";
import { ReasonField, reasonProblem } from "../reason-form";
import { RefusalNotice } from "../../form/refusal-notice";
import { ImportReportView } from "../../roll/import-report";
import { fileProblemText } from "../../roll/roll-problems";
import { RollPreview } from "../../roll/roll-preview";
import { RollSource, type RollSourceText } from "../../roll/roll-source";

/**
 * Imports an election's voter roll from CSV: read and checked in the browser, previewed, then sent
 * in batches. Rows are numbered as a spreadsheet shows the file (the header is row 1), in the
 * preview and in the problems alike.
 */
export default function VoterRollPage() {
  const { election } = useElection();
  const t = useTranslations("roll");
  const words = useTranslations();
  const locale = useLocale();
  const id = election.id;
  const quoted = new Intl.ListFormat(locale, { type: "conjunction" });
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  const sourceHeadingId = useId();
  const checkHeadingId = useId();
  const sendHeadingId = useId();
  const [source, setSource] = useState<RollSourceText | null>(null);
  const roll = useMemo(() => (source ? readRoll(source.text) : null), [source]);
  const rows = roll?.ok ? roll.rows : [];

  return (
    <>
      <h2>{t("heading")}</h2>
      <p>{t("intro")}</p>
      {election.eligibility !== "voter-roll" ? (
        <p className="notice">
          {t.rich("notUsed", { link: (chunks) => <Link href={`/elections/${id}/ballot`}>{chunks}</Link> })}
        </p>
      ) : null}

      <section aria-labelledby={sourceHeadingId}>
        <h3 id={sourceHeadingId}>{t("chooseHeading")}</h3>
        <p>{t.rich("columns", { code })}</p>
        <p>{t.rich("language", { code, link: (chunks) => <Link href={`/elections/${id}/mail`}>{chunks}</Link> })}</p>
        <p>{t.rich("weight", { code })}</p>
        <RollSource onRead={setSource} />
      </section>

      <section aria-labelledby={checkHeadingId}>
        <h3 id={checkHeadingId}>{t("checkHeading")}</h3>
        {!source || !roll ? <p className="muted">{t("chooseFirst")}</p> : null}
        {roll && !roll.ok ? (
          <p className="notice" role="alert">
            {t("cannotImport", { from: source?.from ?? "", message: fileProblemText(roll.problem, words, locale) })}
          </p>
        ) : null}
        {roll?.ok ? (
          <>
            <p>
              {t.rich("reading", {
                from: source?.from ?? "",
                rows: rows.length,
                blank: roll.blankRows,
                strong: (chunks) => <strong>{chunks}</strong>,
              })}
              {roll.ignoredColumns.length > 0
                ? ` ${t("ignored", {
                    count: roll.ignoredColumns.length,
                    columns: quoted.format(roll.ignoredColumns.map((name) => t("quotedColumn", { name }))),
                  })}`
                : ""}
            </p>
            <p className="muted">{t("rowNumbers")}</p>
            {rows.length > 0 ? (
              <RollPreview rows={rows} columns={roll.columns} />
            ) : (
              <p className="notice">{t("noRows")}</p>
            )}
          </>
        ) : null}
      </section>

      <section aria-labelledby={sendHeadingId}>
        <h3 id={sendHeadingId}>{t("importHeading")}</h3>
        <RollImport electionId={id} rows={rows} />
      </section>
    </>
  );
}

function RollImport({ electionId, rows }: { electionId: string; rows: readonly RollRow[] }) {
  const client = useLandslide();
  const t = useTranslations();
  const electionChanged = useElectionChanged();
  const progressId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(0);
  const reasonError = reasonProblem(reason, t);

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
        label={t("roll.reason")}
        value={reason}
        onChange={setReason}
        problem={tried ? reasonError : undefined}
      />
      <div className="actions" style={{ marginTop: 0 }}>
        <button type="button" onClick={start} disabled={running || rows.length === 0}>
          {t("roll.importRows", { count: rows.length })}
        </button>
      </div>
      <p className="muted">{t("roll.batches", { batch: ROWS_PER_BATCH })}</p>
      {running || report ? (
        <div style={{ marginBottom: "1rem" }}>
          <label htmlFor={progressId}>{t("roll.progress")}</label>
          <progress id={progressId} value={done} max={Math.max(1, sending.length)} style={{ width: "100%" }} />
        </div>
      ) : null}
      <p role="status">
        {running ? t("roll.sending", { done, total: sending.length }) : ""}
        {report && report.stoppedBy === undefined ? t("roll.sent", { total: report.total }) : ""}
      </p>
      {report?.stoppedBy !== undefined ? (
        <RefusalNotice error={report.stoppedBy} unanswered={t("roll.stoppedAnswering")}>
          {t("roll.stopped", { done: report.done, total: report.total })}
        </RefusalNotice>
      ) : null}
      {send.isError ? <RefusalNotice error={send.error} unanswered={t("roll.couldNotStart")} /> : null}
      {report ? <ImportReportView report={report} /> : null}
    </>
  );
}
