import { loadConfig } from "@landslide/config";
import { getElections, getPlatformHealth, ServiceHealthTable } from "@landslide/ui";

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
          <table className="health">
            <caption>All elections and their status</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Status</th>
                <th scope="col">Questions</th>
                <th scope="col">Closes</th>
              </tr>
            </thead>
            <tbody>
              {elections.elections.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.title}</th>
                  <td>
                    <span className="badge">{e.status}</span>
                  </td>
                  <td>{e.questions.length}</td>
                  <td>{e.closesAt ? new Date(e.closesAt).toUTCString() : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
