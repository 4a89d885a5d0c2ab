import { loadConfig } from "@landslide/config";
import { getElections, getPlatformHealth, ServiceHealthTable } from "@landslide/ui";
import { FiguresTable } from "@landslide/ui/figures-table";

export const dynamic = "force-dynamic";

export default async function OperationsPage() {
  const { urls } = loadConfig();
  const [health, elections] = await Promise.all([getPlatformHealth(urls), getElections(urls.controlApi)]);
  return (
    <>
      <h1>Operations</h1>
      <ServiceHealthTable health={health} />
      <section aria-labelledby="elections-heading">
        <h2 id="elections-heading">Elections</h2>
        {!elections.ok ? (
          <p className="notice" role="status">
            The control API does not answer, so elections cannot be listed. Check its health above.
          </p>
        ) : elections.elections.length === 0 ? (
          <p>No election yet. Elections you create will be listed here.</p>
        ) : (
          <FiguresTable
            caption="All elections and their status"
            columns={["Title", "Status", "Questions", "Closes"]}
            rows={elections.elections.map((e) => ({
              key: e.id,
              header: e.title,
              cells: [
                <span key="status" className="badge">
                  {e.status}
                </span>,
                e.questions.length,
                e.closesAt ? new Date(e.closesAt).toUTCString() : "—",
              ],
            }))}
          />
        )}
      </section>
    </>
  );
}
