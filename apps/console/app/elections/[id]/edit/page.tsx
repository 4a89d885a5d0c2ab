import { redirect } from "next/navigation";

/** The ballot's old address: bookmarks and links from before the tabs land on the Ballot tab. */
export default async function EditElectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/elections/${id}/ballot`);
}
