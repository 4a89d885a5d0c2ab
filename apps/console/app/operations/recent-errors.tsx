"use client";

import { EmptyState, Table } from "@landslide/ui/components";
import { formatTime } from "@landslide/ui/date-time";
import { serviceLabel } from "./figures-format";
import type { OperationsSnapshot } from "./operations-history";

/** Enough to see what is failing now; the logs have the rest. */
const SHOWN = 20;

/** The last errors every service logged, newest first, merged: what went wrong, where, and the request to look up. */
export function RecentErrors({ services }: { services: OperationsSnapshot["services"] }) {
  const errors = services
    .flatMap((s) => (s.recentErrors?.errors ?? []).map((e, n) => ({ ...e, n, service: s.service })))
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .slice(0, SHOWN);
  const silent = services.filter((s) => s.recentErrors === undefined).map((s) => serviceLabel(s.service));
  return (
    <section aria-labelledby="recent-errors-heading">
      <h2 id="recent-errors-heading">Recent errors</h2>
      <p className="muted">
        The last errors each service wrote to its log since it started (each keeps its last 50). The request number
        finds the full lines in the logs.
        {silent.length > 0 ? ` Unknown for ${silent.join(", ")}: not answering.` : ""}
      </p>
      {errors.length === 0 ? (
        <EmptyState title="No errors logged" body="Errors the services log appear here as they happen." />
      ) : (
        <Table
          caption={`The ${errors.length} most recent errors, newest first`}
          columns={[
            { key: "at", header: "When", cell: (e) => formatTime(e.at, { seconds: true }) },
            { key: "service", header: "Service", cell: (e) => serviceLabel(e.service) },
            {
              key: "what",
              header: "What happened",
              cell: (e) => (
                <>
                  {e.message}
                  {e.error ? <span className="muted"> — {e.error}</span> : null}
                </>
              ),
            },
            { key: "request", header: "Request number", cell: (e) => (e.requestId ? <code>{e.requestId}</code> : "—") },
          ]}
          rows={errors}
          rowKey={(e) => `${e.service}-${e.n}-${e.at}`}
          rowHeader="at"
        />
      )}
    </section>
  );
}
