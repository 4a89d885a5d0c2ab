import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Choices, Buttons, Fields } from "./controls";
import { BadgesAndAlerts, Panels, Tables } from "./display";
import { LegacyMarkup } from "./legacy";
import { DatesAndTimes, Navigation } from "./navigation";
import { Overlays } from "./overlays";
import { Tokens } from "./tokens";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("designSystem");
  return { title: t("heading") };
}

/**
 * The design system's gallery: every component of @landslide/ui/components in every variant and
 * tone, for the people building pages and for the visual tests (e2e/tests/console.design-system.spec.ts).
 * Its examples are in the page's language too, so a translation's lengths are seen here first.
 */
export default async function DesignSystemPage() {
  const t = await getTranslations("designSystem");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="muted">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <Tokens />
      <Buttons />
      <Fields />
      <Choices />
      <BadgesAndAlerts />
      <Panels />
      <Tables />
      <Overlays />
      <Navigation />
      <DatesAndTimes />
      <LegacyMarkup />
    </>
  );
}
