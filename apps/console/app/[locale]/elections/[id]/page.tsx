import { ElectionOverview } from "./election-overview";

/** The election's first tab: where it stands, when it runs, and the next thing to do. */
export default function ElectionPage() {
  return <ElectionOverview />;
}
