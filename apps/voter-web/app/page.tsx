import Link from "next/link";
import { loadConfig } from "@landslide/config";
import { getElections, getPlatformHealth, ServiceHealthTable } from "@landslide/ui";

// Health and elections change from request to request: never prerender this page.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { urls } = loadConfig();
  const [health, elections] = await Promise.all([getPlatformHealth(urls), getElections(urls.controlApi)]);
  const open = elections.ok ? elections.elections.filter((e) => e.status === "open") : [];
  return (
    <>
      <h1>Elections</h1>
      <p className="muted">Choose an open election to vote. You will sign in (or create an account) on the way.</p>
      <section aria-labelledby="open-heading">
        <h2 id="open-heading">Open now</h2>
        {!elections.ok ? (
          <p className="notice" role="status">
            The list of elections is unavailable right now. Please try again in a moment.
          </p>
        ) : open.length === 0 ? (
          <p>No election is open right now.</p>
        ) : (
          <ul aria-label="Open elections" style={{ listStyle: "none", padding: 0 }}>
            {open.map((e) => (
              <li key={e.id} className="card">
                <h3>{e.title}</h3>
                <p>{e.description}</p>
                <p>
                  <Link href={`/elections/${e.id}`}>Vote in {e.title}</Link> · <Link href={`/elections/${e.id}/results`}>Live results</Link>
                </p>
                <p className="muted">
                  {e.questions.length} question{e.questions.length === 1 ? "" : "s"}
                  {e.closesAt ? ` · closes ${new Date(e.closesAt).toUTCString()}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ServiceHealthTable health={health} />
    </>
  );
}
