import type { Metadata } from "next";
import { ElectionOverview } from "./election-overview";

export const metadata: Metadata = { title: "Election · Landslide Console" };

export default async function ElectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ElectionOverview electionId={id} />;
}
