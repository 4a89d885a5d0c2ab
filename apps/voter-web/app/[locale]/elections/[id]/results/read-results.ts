import { createLandslideClient } from "@landslide/api/client";
import { publicConfig } from "@landslide/ui/public-config";
import { shownElection, shownResults } from "../../../../../lib/election-content";

/**
 * The public figures of an election, read on the server for what a shared link shows before it is
 * opened (the page's description, the preview image), in the words of `locale` where the election
 * is translated. Undefined when the election is not public or the results service does not
 * answer: the link then previews as the site, never as an error.
 */
export async function readResults(electionId: string, locale: string) {
  const client = createLandslideClient({ ...publicConfig("voter"), userAgent: "landslide-voter-web" });
  try {
    const [election, snapshot] = await Promise.all([
      client.results.elections.get.query({ electionId }),
      client.results.results.snapshot.query({ electionId }),
    ]);
    const final = election.status === "closed" || election.status === "certified";
    const shown = shownElection(election, locale);
    return { title: shown.title, final, snapshot: shownResults(snapshot, shown) };
  } catch {
    return undefined;
  }
}
