"use client";

import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Alert, TabNav } from "@landslide/ui/components";
import { getPathname, Link, usePathname } from "@landslide/ui/i18n/navigation";
import { useDateLocale } from "../../../../i18n/use-date-locale";
import { StatusBadge } from "../../status-badge";
import { ElectionContext } from "./election-context";
import { electionTabs } from "./election-tabs";
import { failureMessage } from "./failure-message";
import { nextStep, pendingStop } from "./next-step";
import { type OfficialElection, useOfficialElection } from "./official-election";
import { useLiveFeed } from "./use-live-feed";
import { useRecount } from "./use-recount";

/** The election's header and tabs around whichever sub-page is open; the sub-pages wait until the election is known. */
export function ElectionShell({ electionId, children }: { electionId: string; children: ReactNode }) {
  const election = useOfficialElection(electionId);
  const t = useTranslations();
  if (election.data) return <LoadedElection election={election.data}>{children}</LoadedElection>;
  return (
    <>
      <p>
        <Link href="/">{t("electionShell.allElections")}</Link>
      </p>
      <h1>{t("electionShell.heading")}</h1>
      {election.isPending ? <p role="status">{t("electionShell.loading")}</p> : null}
      {election.isError ? (
        <Alert tone="danger" title={t("electionShell.unavailableTitle")}>
          {failureMessage(election.error, t("electionShell.unavailable"), t)}
        </Alert>
      ) : null}
      {election.isSuccess ? (
        <Alert tone="warning" title={t("electionShell.missingTitle")}>
          {t.rich("electionShell.missing", { link: (chunks) => <Link href="/">{chunks}</Link> })}
        </Alert>
      ) : null}
    </>
  );
}

/**
 * Rendered once the election is known, so the live stream is only opened for a real one. The feed
 * and the recount live here, above the tabs, so that moving from one tab to another keeps them.
 */
function LoadedElection({ election, children }: { election: OfficialElection; children: ReactNode }) {
  const live = useLiveFeed(election.id);
  const recount = useRecount(election.id);
  const t = useTranslations();
  const locale = useLocale();
  // The address without its language, as the tabs are written; the shared TabNav takes them with it.
  const pathname = usePathname();
  const tabs = electionTabs(election.id, election.status, pathname, t).map((tab) => ({
    ...tab,
    href: getPathname({ href: tab.href, locale }),
  }));
  return (
    <ElectionContext value={{ election, live, recount }}>
      <ElectionHeader election={election} />
      <TabNav label={t("electionShell.tabsLabel")} items={tabs} />
      {children}
    </ElectionContext>
  );
}

function ElectionHeader({ election }: { election: OfficialElection }) {
  const t = useTranslations();
  const locale = useDateLocale();
  return (
    <header>
      <p style={{ margin: 0 }}>
        <Link href="/">{t("electionShell.allElections")}</Link>
      </p>
      <h1 style={{ marginBottom: "0.5rem", overflowWrap: "anywhere" }}>
        {/* The election's own words keep their direction on a page that reads the other way. */}
        <bdi>{election.title}</bdi>
      </h1>
      <p style={{ margin: "0 0 1rem" }}>
        {/* Between an official's pause or close and its instant, what is coming rather than "Open". */}
        <StatusBadge status={election.status} pending={pendingStop(election)} />{" "}
        <span data-testid="next-step">{nextStep(election, t, { locale }).sentence}</span>
      </p>
    </header>
  );
}
