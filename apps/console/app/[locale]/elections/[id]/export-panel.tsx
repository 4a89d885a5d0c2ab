"use client";

import { useTranslations } from "next-intl";
import { countsCsv, resultsCsv, resultsFileName, resultsJson, tabulatorSummary } from "@landslide/api/client";
import { Alert, Button, EmptyState } from "@landslide/ui/components";
import { Link } from "@landslide/ui/i18n/navigation";
import { useElection } from "./election-context";
import { failureMessage } from "./failure-message";
import { formatClock } from "./local-time";
import { useDateLocale } from "../../../../i18n/use-date-locale";

const NOTE_ID = "export-note";

/**
 * Downloads of the certified result, built from a recount (every stored vote counted again), never
 * from the live tally. Only once certified: a file of an uncertified count passed around as "the
 * result" is what this tab exists to prevent.
 */
export function ExportPanel() {
  const { election, live, recount } = useElection();
  const t = useTranslations();
  const locale = useDateLocale();
  if (election.status !== "certified") {
    return (
      <EmptyState
        headingLevel={2}
        title={t("export.notCertifiedTitle")}
        body={t("export.notCertified")}
        action={<Link href={`/elections/${election.id}`}>{t("certification.backToOverview")}</Link>}
      />
    );
  }
  const latest = recount.latest;
  const download = (format: "csv" | "json" | "counts") => {
    if (!latest) return;
    const name = resultsFileName(election, latest.at, format === "json" ? "json" : "csv");
    if (format === "counts") {
      const rounds = new Blob(["\uFEFF", countsCsv(election, latest.result)], { type: "text/csv;charset=utf-8" });
      downloadFile(name.replace(/\.csv$/, "-rounds.csv"), rounds);
    } else if (format === "csv") {
      // The byte-order mark makes spreadsheet programs read the labels as UTF-8 (accents, names).
      downloadFile(name, new Blob(["\uFEFF", resultsCsv(election, latest.result)], { type: "text/csv;charset=utf-8" }));
    } else {
      downloadFile(name, new Blob([resultsJson(election, latest.result, latest.at)], { type: "application/json" }));
    }
  };
  const count = () => recount.run.mutate({ version: live.snapshot.data?.version, storedStatus: election.storedStatus });
  return (
    <section aria-labelledby="export-heading">
      <h2 id="export-heading">{t("export.heading")}</h2>
      <p id={NOTE_ID} className="muted">
        {latest ? t("export.builtFrom", { time: formatClock(latest.at.getTime(), locale) }) : t("export.countFirst")}
      </p>
      <div className="actions">
        {latest ? null : (
          <Button onClick={count} loading={recount.run.isPending}>
            {recount.run.isPending ? t("export.counting") : t("export.count")}
          </Button>
        )}
        <Button
          variant={latest ? "primary" : "secondary"}
          disabled={!latest}
          aria-describedby={NOTE_ID}
          onClick={() => download("csv")}
        >
          {t("export.csv")}
        </Button>
        <Button variant="secondary" disabled={!latest} aria-describedby={NOTE_ID} onClick={() => download("json")}>
          {t("export.json")}
        </Button>
        <Button variant="secondary" disabled={!latest} aria-describedby={NOTE_ID} onClick={() => download("counts")}>
          {t("export.countsCsv")}
        </Button>
      </div>
      {/* The files' "votes" of a score question are its options' total scores: said, so nobody reads them as ballots. */}
      {election.questions.some((question) => question.kind === "score") ? (
        <p className="muted">{t("export.scoreTotals")}</p>
      ) : null}
      {latest ? <RoundsDownloads /> : null}
      {recount.run.isError ? (
        <Alert tone="danger" title={t("export.countFailed")}>
          {failureMessage(recount.run.error, t("certification.unansweredTryAgain"), t)}
        </Alert>
      ) : null}
    </section>
  );
}

/**
 * Each ranked question's count as certified ranked-choice tabulators publish it (RCTab's summary
 * JSON), one file per question since the format holds one contest. Rankings only: a score
 * question's rounds (STAR's runoff included) are in the round-by-round CSV.
 */
function RoundsDownloads() {
  const { election, recount } = useElection();
  const t = useTranslations("export");
  const latest = recount.latest;
  const ranked = election.questions.flatMap((question) => {
    const count = latest?.result.counts?.[question.id];
    return question.kind === "ranked" && count ? [{ question, count }] : [];
  });
  if (!latest || ranked.length === 0) return null;
  return (
    <section aria-labelledby="rounds-heading">
      <h3 id="rounds-heading">{t("roundsHeading")}</h3>
      <p className="muted">{t("roundsIntro")}</p>
      <div className="actions">
        {ranked.map(({ question, count }) => (
          <Button
            key={question.id}
            variant="secondary"
            onClick={() => {
              const summary = tabulatorSummary({ title: election.title, question }, count, latest.at);
              const name = resultsFileName(election, latest.at, "json").replace(
                /\.json$/,
                `-${question.id}-rounds.json`,
              );
              downloadFile(name, new Blob([`${JSON.stringify(summary, null, 2)}\n`], { type: "application/json" }));
            }}
          >
            {t("rounds", { prompt: question.prompt })}
          </Button>
        ))}
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
