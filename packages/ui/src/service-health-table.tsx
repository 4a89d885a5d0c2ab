import { FiguresTable } from "./figures-table";
import type { DependencyCheck, ServiceHealth, ServiceStatus } from "./health";

const statusText: Record<ServiceStatus, string> = {
  ready: "Ready",
  "not-ready": "Not ready",
  unreachable: "Unreachable",
};

/** The platform's services and their dependencies; status is said in words, colour only helps. */
export function ServiceHealthTable({ health }: { health: readonly ServiceHealth[] }) {
  const allUnreachable = health.every((s) => s.status === "unreachable");
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Platform health</h2>
      {allUnreachable ? (
        <p className="notice" role="status">
          No service answers. Start the platform with <code>npm run dev</code> in the repository, then reload this page.
        </p>
      ) : null}
      <FiguresTable
        caption="Each service and the dependencies it checks"
        columns={["Service", "Status", "Dependencies"]}
        rows={health.map((s) => ({
          key: s.service,
          header: (
            <>
              {s.label}
              <span className="muted"> {s.url}</span>
            </>
          ),
          cells: [
            <span key="status" className={`status status-${s.status}`}>
              {statusText[s.status]}
            </span>,
            <Checks key="checks" checks={s.checks} />,
          ],
        }))}
      />
    </section>
  );
}

// The products' own names; a dependency added later shows under its check's name until it has one.
const dependencyNames: Readonly<Record<string, string>> = {
  dynamodb: "DynamoDB",
  cognito: "Cognito",
  postgres: "PostgreSQL",
  ses: "Amazon SES",
};

/** A service's dependency checks: each with its latency, or why it fails. */
function Checks({ checks }: { checks: readonly DependencyCheck[] }) {
  if (checks.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="checks">
      {checks.map((c) => (
        <li key={c.name}>
          {dependencyNames[c.name] ?? c.name}:{" "}
          {c.ok ? `answers (${c.latencyMs} ms)` : `failing${c.error ? ` — ${c.error}` : ""}`}
        </li>
      ))}
    </ul>
  );
}
