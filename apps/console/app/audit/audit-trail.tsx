"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { refusalOf } from "@landslide/api/client";
import { Alert, EmptyState, Spinner } from "@landslide/ui/components";
import { useControlApi } from "@landslide/ui/client";
import { AuditFilterForm } from "./audit-filter-form";
import {
  AUDIT_LIMIT,
  type AuditFilters,
  auditQuery,
  filtersFromSearch,
  filtersProblem,
  searchFromFilters,
} from "./audit-filters";
import { AuditTable } from "./audit-table";

/** The officials' audit trail, filtered by what the address says. */
export function AuditTrail() {
  const control = useControlApi();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const filters = filtersFromSearch(search);
  // A hand-edited address may hold a bad date: say so rather than send it.
  const problem = filtersProblem(filters);

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
        <h2 id="audit-results-heading">Recorded actions</h2>
        {problem ? (
          <Alert tone="danger" title="These filters cannot be used">
            {problem} Correct the filters above.
          </Alert>
        ) : null}
        {actions.isLoading ? <Spinner label="Loading the audit trail…" /> : null}
        {actions.isError ? (
          <Alert tone="danger" title="The audit trail cannot be read">
            {auditFailure(actions.error)}
          </Alert>
        ) : null}
        {actions.data?.length === 0 ? (
          <EmptyState
            title="No recorded action matches these filters"
            body="Widen the dates, or choose all elections or all actions."
          />
        ) : null}
        {actions.data && actions.data.length > 0 ? (
          <>
            {actions.data.length >= AUDIT_LIMIT ? (
              <p className="muted">
                Showing the newest {AUDIT_LIMIT} actions; narrow the filters (dates, election) to see older ones.
              </p>
            ) : null}
            <AuditTable records={actions.data} electionTitles={electionTitles} />
          </>
        ) : null}
      </section>
    </>
  );
}

function auditFailure(error: unknown): string {
  const refusal = refusalOf(error);
  if (!refusal) return "The control API does not answer. Try again in a moment.";
  // Its message for a malformed filter is a raw validation dump: say it plainly instead.
  return refusal.reason === "INVALID_INPUT"
    ? "These filters were refused: an election or a date in the page's address may be malformed. Change them above."
    : refusal.message;
}
