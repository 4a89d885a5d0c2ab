"use client";

import { Badge, Table } from "@landslide/ui/components";
import { formatCount, serviceLabel } from "./figures-format";
import type { OperationsSnapshot } from "./operations-history";

type ServiceNow = OperationsSnapshot["services"][number];

function status(s: ServiceNow) {
  if (!s.reachable) return <Badge tone="danger">Unreachable</Badge>;
  return s.ready ? <Badge tone="success">Ready</Badge> : <Badge tone="danger">Not ready</Badge>;
}

/** Each service: whether it is ready, how long its health check took, its dependencies, and its errors. */
export function ServicesTable({ services }: { services: OperationsSnapshot["services"] }) {
  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading">Services</h2>
      <Table
        caption="Each service and the dependencies it checks"
        columns={[
          { key: "service", header: "Service", cell: (s) => serviceLabel(s.service) },
          { key: "status", header: "Status", cell: status },
          {
            key: "answered",
            header: "Health check answered in",
            align: "end",
            cell: (s) => (s.reachable ? `${formatCount(s.latencyMs)} ms` : (s.error ?? "no answer")),
          },
          { key: "checks", header: "Dependencies", cell: (s) => <Checks checks={s.checks} /> },
          {
            key: "errors",
            header: "Errors logged",
            align: "end",
            cell: (s) => (s.recentErrors === undefined ? "unknown (no answer)" : formatCount(s.recentErrors.total)),
          },
        ]}
        rows={services}
        rowKey={(s) => s.service}
      />
    </section>
  );
}

/** A service's dependency checks: each with its latency, or why it fails. */
function Checks({ checks }: { checks: ServiceNow["checks"] }) {
  const entries = Object.entries(checks);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="checks">
      {entries.map(([name, c]) => (
        <li key={name}>
          {name}: {c.ok ? `ok (${c.latencyMs} ms)` : `failing${c.error ? ` — ${c.error}` : ""}`}
        </li>
      ))}
    </ul>
  );
}
