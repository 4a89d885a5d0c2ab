import { loadConfig } from "@landslide/config";
import { getPlatformHealth, ServiceHealthTable } from "@landslide/ui";
import { ElectionsList } from "./elections-list";

// Health changes from request to request: never prerender this page.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const health = await getPlatformHealth(loadConfig().urls);
  return (
    <>
      <h1>Elections</h1>
      <p className="muted">Choose an open election to vote. You will sign in (or create an account) on the way.</p>
      <ElectionsList />
      <ServiceHealthTable health={health} />
    </>
  );
}
