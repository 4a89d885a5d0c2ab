import { redirect } from "@landslide/ui/i18n/navigation";

/** The ballot's old address: bookmarks and links from before the tabs land on the Ballot tab, in the same language. */
export default async function EditElectionPage({ params }: { params: Promise<{ id: string; locale: string }> }) {
  const { id, locale } = await params;
  redirect({ href: `/elections/${id}/ballot`, locale });
}
