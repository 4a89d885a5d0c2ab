import { loadConfig } from "@landslide/config";
import { getElections } from "@landslide/ui";
import { DateTime, Table } from "@landslide/ui/components";
import { StatusBadge } from "../status-badge";
import { OperationsDashboard } from "./operations-dashboard";

export const dynamic = "force-dynamic";

/**
 * The operators' view of the running deployment (issue #20): the live figures, charts, health and
 * errors come from the control API's operator snapshot, polled in the browser; the elections are
 * the public list, read once when the page is served.
 */
export default async function OperationsPage() {
  // A longer wait than the default: on a busy control API the list is worth a few seconds more than a refusal.
  const elections = await getElections(loadConfig().urls.controlApi, 5_000);
  return (
    <>
      <h1>Operations</h1>
      <OperationsDashboard />
      <section aria-labelledby="elections-heading">
        <h2 id="elections-heading">Elections</h2>
        {!elections.ok ? (
          <p className="notice" role="status">
            The control API does not answer, so elections cannot be listed. Check its health above.
          </p>
        ) : elections.elections.length === 0 ? (
          <p>No election yet. Elections you create will be listed here.</p>
        ) : (
          <Table
            caption="All elections and their status"
            columns={[
              { key: "title", header: "Title" },
              { key: "status", header: "Status", cell: (e) => <StatusBadge status={e.status} /> },
              { key: "questions", header: "Questions", align: "end", cell: (e) => e.questions.length },
              { key: "closes", header: "Closes", cell: (e) => (e.closesAt ? <DateTime value={e.closesAt} /> : "—") },
            ]}
            rows={elections.elections}
            rowKey={(e) => e.id}
          />
        )}
      </section>
    </>
  );
}
