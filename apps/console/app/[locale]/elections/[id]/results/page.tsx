import { LiveDashboard } from "../live-dashboard";

/** The election's results as they come in, and as they stand once voting has ended. */
export default function ResultsPage() {
  return <LiveDashboard />;
}
