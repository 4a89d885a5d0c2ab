"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { countOf, refusalOf, type RouterOutputs } from "@landslide/api/client";
import { Alert, EmptyState, Spinner, Table, type TableColumn } from "@landslide/ui/components";
import { useControlApi } from "@landslide/ui/client";
import { StatusBadge } from "../status-badge";

type Election = RouterOutputs["official"]["elections"]["list"][number];

const columns: readonly TableColumn<Election>[] = [
  { key: "title", header: "Election", cell: (e) => <Link href={`/elections/${e.id}/fraud`}>{e.title}</Link> },
  { key: "status", header: "Status", cell: (e) => <StatusBadge status={e.status} /> },
  { key: "quarantined", header: "Held for review", align: "end", cell: (e) => countOf(e.quarantined, "ballot") },
];

/**
 * Fraud review across the deployment: the elections with ballots held for an official's decision,
 * most held first, each linking to its own review (where the ballots are grouped and decided).
 */
export default function FraudOverviewPage() {
  const control = useControlApi();
  // The counts move as the aggregator holds ballots and officials decide them.
  const elections = useQuery(control.official.elections.list.queryOptions(undefined, { refetchInterval: 5_000 }));
  const waiting = (elections.data ?? [])
    .filter((e) => e.quarantined > 0)
    .sort((a, b) => b.quarantined - a.quarantined || a.title.localeCompare(b.title));
  const total = waiting.reduce((sum, e) => sum + e.quarantined, 0);
  return (
    <>
      <h1>Fraud review</h1>
      <p className="muted">
        Ballots the risk checks doubt are held, not counted, until an official releases them (they count) or voids them
        (they never count). Every decision is kept in the audit trail with its reason.
      </p>
      {elections.isPending ? <Spinner label="Loading the elections…" /> : null}
      {elections.isError ? (
        <Alert tone="danger" title="The held ballots cannot be listed right now">
          {refusalOf(elections.error)?.message ?? "The control API does not answer. This page tries again by itself."}
        </Alert>
      ) : null}
      {elections.data && waiting.length === 0 ? (
        <EmptyState
          headingLevel={2}
          title="Nothing waits for a decision"
          body="No election has a ballot held for review. Held ballots appear here within seconds of being cast."
        />
      ) : null}
      {waiting.length > 0 ? (
        <>
          <p data-testid="fraud-overview-total">
            <strong>{countOf(total, "ballot")}</strong> held for review in {countOf(waiting.length, "election")}.
          </p>
          <Table
            caption="Elections with ballots held for review, most first"
            columns={columns}
            rows={waiting}
            rowKey={(e) => e.id}
          />
        </>
      ) : null}
    </>
  );
}
