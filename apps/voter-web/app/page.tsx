import { loadConfig } from "@landslide/config";
import { votingAvailable } from "../lib/voting-availability";
import { ElectionsList } from "./elections-list";

// Whether voting is available changes from request to request: never prerender this page.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const available = await votingAvailable(loadConfig().urls.voteApi);
  return (
    <>
      <h1>Elections</h1>
      {available ? null : (
        <p className="notice" role="status">
          Voting is temporarily unavailable. Please try again in a few minutes: ballots already cast are kept.
        </p>
      )}
      <p className="muted">Choose an open election to vote. You will sign in (or create an account) on the way.</p>
      <ElectionsList />
    </>
  );
}
