import { VotePage } from "./vote-page";

export default async function ElectionPage({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { id } = await params;
  return <VotePage electionId={id} />;
}
