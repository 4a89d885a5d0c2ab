import { LiveResults } from "./live-results";

export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <LiveResults electionId={id} />;
}
