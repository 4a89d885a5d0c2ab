import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { resultsDescription } from "@landslide/ui/live-results";
import { serverUiText } from "../../../../../i18n/server-ui-text";
import { LiveResults } from "./live-results";
import { readResults } from "./read-results";

type Props = { params: Promise<{ locale: string; id: string }> };

/** A shared link names the election and says who leads; the preview image (opengraph-image.tsx) shows the shares. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const [results, t] = await Promise.all([readResults(id, locale), getTranslations({ locale, namespace: "results" })]);
  if (!results) return { title: t("metaTitleUnknown") };
  const title = t("metaTitle", { final: results.final ? "yes" : "no", title: results.title });
  const description = resultsDescription(results.snapshot, results.final, await serverUiText(locale));
  return { title, description, openGraph: { title, description, type: "website" } };
}

export default async function ResultsPage({ params }: Props) {
  const { id } = await params;
  return <LiveResults electionId={id} />;
}
