import type { Metadata } from "next";
import { EmbedResults } from "./embed-results";

// A widget in other sites' pages: not a page of its own for search engines.
export const metadata: Metadata = { title: "Live results · Landslide", robots: { index: false } };

/** The embeddable results widget: put it in any page with <iframe src="…/embed/elections/ID">. */
export default async function EmbedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EmbedResults electionId={id} />;
}
