"use client";

import { useTranslations } from "next-intl";
import { Badge, Table } from "@landslide/ui/components";
import type { OperationsSnapshot } from "./operations-history";
import { useFigures } from "./use-figures";

type ServiceNow = OperationsSnapshot["services"][number];

function Status({ service }: { service: ServiceNow }) {
  const t = useTranslations("operations.servicesTable");
  if (!service.reachable) return <Badge tone="danger">{t("unreachable")}</Badge>;
  return service.ready ? <Badge tone="success">{t("ready")}</Badge> : <Badge tone="danger">{t("notReady")}</Badge>;
}

/** Each service: whether it is ready, how long its health check took, its dependencies, and its errors. */
export function ServicesTable({ services }: { services: OperationsSnapshot["services"] }) {
  const t = useTranslations("operations");
  const figures = useFigures();
  return (
    <section aria-labelledby="services-heading">
      <h2 id="services-heading">{t("servicesTable.heading")}</h2>
      <Table
        caption={t("servicesTable.caption")}
        columns={[
          { key: "service", header: t("servicesTable.service"), cell: (s) => figures.service(s.service) },
          { key: "status", header: t("servicesTable.status"), cell: (s) => <Status service={s} /> },
          {
            key: "answered",
            header: t("servicesTable.answeredIn"),
            align: "end",
            cell: (s) =>
              s.reachable
                ? t("units.ms", { value: figures.count(s.latencyMs) })
                : (s.error ?? t("servicesTable.noAnswer")),
          },
          { key: "checks", header: t("servicesTable.dependencies"), cell: (s) => <Checks checks={s.checks} /> },
          {
            key: "errors",
            header: t("servicesTable.errors"),
            align: "end",
            cell: (s) =>
              s.recentErrors === undefined ? t("servicesTable.errorsUnknown") : figures.count(s.recentErrors.total),
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
  const t = useTranslations("operations.servicesTable");
  const figures = useFigures();
  const entries = Object.entries(checks);
  if (entries.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="checks">
      {entries.map(([name, c]) => (
        <li key={name}>
          {c.ok
            ? t("checkOk", { name, ms: figures.count(c.latencyMs) })
            : c.error
              ? t("checkFailingWhy", { name, error: c.error })
              : t("checkFailing", { name })}
        </li>
      ))}
    </ul>
  );
}
