import type { Metadata } from "next";
import { Choices, Buttons, Fields } from "./controls";
import { BadgesAndAlerts, Panels, Tables } from "./display";
import { LegacyMarkup } from "./legacy";
import { DatesAndTimes, Navigation } from "./navigation";
import { Overlays } from "./overlays";
import { Tokens } from "./tokens";

export const metadata: Metadata = { title: "Design system · Landslide Console" };

/**
 * The design system's gallery: every component of @landslide/ui/components in every variant and
 * tone, for the people building pages and for the visual tests (e2e/tests/console.design-system.spec.ts).
 */
export default function DesignSystemPage() {
  return (
    <>
      <h1>Design system</h1>
      <p className="muted">
        The components both sites are built from, from <code>@landslide/ui/components</code>.
      </p>
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
