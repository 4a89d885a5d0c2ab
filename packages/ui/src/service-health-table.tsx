import type { ServiceHealth, ServiceStatus } from "./health";

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
      <table className="health">
        <caption>Each service and the dependencies it checks</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Status</th>
            <th scope="col">Dependencies</th>
          </tr>
        </thead>
        <tbody>
          {health.map((s) => (
            <tr key={s.service}>
              <th scope="row">
                {s.label}
                <span className="muted"> {s.url}</span>
              </th>
              <td>
                <span className={`status status-${s.status}`}>{statusText[s.status]}</span>
              </td>
              <td>
                {s.checks.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="checks">
                    {s.checks.map((c) => (
                      <li key={c.name}>
                        {c.name}: {c.ok ? `ok (${c.latencyMs} ms)` : `failing${c.error ? ` — ${c.error}` : ""}`}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
