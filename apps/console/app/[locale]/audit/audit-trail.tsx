"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { refusalOf } from "@landslide/api/client";
import { Alert, EmptyState, Spinner } from "@landslide/ui/components";
import { useControlApi } from "@landslide/ui/client";
import { usePathname, useRouter } from "@landslide/ui/i18n/navigation";
import type { Translate } from "../../../i18n/english";
import { AuditFilterForm } from "./audit-filter-form";
import {
  AUDIT_LIMIT,
  type AuditFilters,
  auditQuery,
  filtersFromSearch,
  filtersProblem,
  searchFromFilters,
} from "./audit-filters";
import { refusalSentence } from "../elections/[id]/failure-message";
import { AuditTable } from "./audit-table";

/** The officials' audit trail, filtered by what the address says. */
export function AuditTrail() {
  const control = useControlApi();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const t = useTranslations();
  const filters = filtersFromSearch(search);
  // A hand-edited address may hold a bad date: say so rather than send it.
  const problem = filtersProblem(filters, t);

  const elections = useQuery(control.official.elections.list.queryOptions());
  const actions = useQuery(control.official.audit.list.queryOptions(auditQuery(filters), { enabled: !problem }));
  const electionTitles = new Map(elections.data?.map((e) => [e.id, e.title]));

  const apply = (next: AuditFilters) => {
    const query = searchFromFilters(next);
    router.push(query ? `${pathname}?${query}` : pathname);
  };

  return (
    <>
      {/* Keyed by the address, so Back and Forward reset the form to what is shown. */}
      <AuditFilterForm key={search.toString()} applied={filters} elections={elections.data} onApply={apply} />
      <section aria-labelledby="audit-results-heading">
        <h2 id="audit-results-heading">{t("audit.results")}</h2>
        {problem ? (
          <Alert tone="danger" title={t("audit.problems.title")}>
            {t("audit.problems.correct", { problem })}
          </Alert>
        ) : null}
        {actions.isLoading ? <Spinner label={t("audit.loading")} /> : null}
        {actions.isError ? (
          <Alert tone="danger" title={t("audit.unreadable")}>
            {auditFailure(actions.error, t)}
          </Alert>
        ) : null}
        {actions.data?.length === 0 ? <EmptyState title={t("audit.emptyTitle")} body={t("audit.emptyBody")} /> : null}
        {actions.data && actions.data.length > 0 ? (
          <>
            {actions.data.length >= AUDIT_LIMIT ? (
              <p className="muted">{t("audit.limited", { limit: AUDIT_LIMIT })}</p>
            ) : null}
            <AuditTable records={actions.data} electionTitles={electionTitles} />
          </>
        ) : null}
      </section>
    </>
  );
}

function auditFailure(error: unknown, t: Translate): string {
  const refusal = refusalOf(error);
  if (!refusal) return t("audit.unanswered");
  // Its message for a malformed filter is a raw validation dump: say it plainly instead.
  return refusal.reason === "INVALID_INPUT" ? t("audit.filtersRefused") : refusalSentence(refusal, t);
}
