import type { Metadata } from "next";
import { resultsDescription } from "@landslide/ui/live-results";
import { LiveResults } from "./live-results";
import { readResults } from "./read-results";

type Props = { params: Promise<{ id: string }> };

/** A shared link names the election and says who leads; the preview image (opengraph-image.tsx) shows the shares. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const results = await readResults(id);
  if (!results) return { title: "Results · Landslide" };
  const title = `${results.final ? "Results" : "Live results"}: ${results.title} · Landslide`;
  const description = resultsDescription(results.snapshot, results.final);
  return { title, description, openGraph: { title, description, type: "website" } };
}

export default async function ResultsPage({ params }: Props) {
  const { id } = await params;
  return <LiveResults electionId={id} />;
}
