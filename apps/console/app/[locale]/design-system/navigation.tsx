"use client";

import { useLocale, useTranslations } from "next-intl";
import { DateTime, TabNav, Tabs } from "@landslide/ui/components";
import { GallerySection } from "./gallery-section";

/** Tabs within a page, and the link tabs between a record's sub-pages. */
export function Navigation() {
  const t = useTranslations("designSystem.tabs");
  const here = `/${useLocale()}/design-system`;
  return (
    <GallerySection id="tabs" title={t("title")}>
      <Tabs
        label={t("views")}
        items={[
          { value: "table", label: t("table"), content: <p>{t("tableText")}</p> },
          { value: "chart", label: t("chart"), content: <p>{t("chartText")}</p> },
          { value: "rounds", label: t("rounds"), content: <p>{t("roundsText")}</p> },
          { value: "audit", label: t("audit"), content: <p>{t("auditText")}</p>, disabled: true },
        ]}
      />
      <TabNav
        label={t("sections")}
        items={[
          { href: here, label: t("overview"), current: true },
          { href: `${here}?roll`, label: t("roll") },
          { href: `${here}?fraud`, label: t("fraud") },
          { href: `${here}?certify`, label: t("certification") },
        ]}
      />
    </GallerySection>
  );
}

const instant = "2026-12-02T14:05:09Z";
const term = { fontWeight: 600 } as const;
const definition = { margin: 0 } as const;

/** One formatter for every date and time: the viewer's zone and locale, the month as a word. */
export function DatesAndTimes() {
  const t = useTranslations("designSystem.dates");
  return (
    <GallerySection id="dates" title={t("title")} intro={t("intro")}>
      <dl
        style={{
          display: "grid",
          gridTemplateColumns: "minmax(0, 10rem) minmax(0, 1fr)",
          gap: "0.5rem 1rem",
          margin: 0,
        }}
      >
        <dt style={term}>{t("dateTime")}</dt>
        <dd style={definition}>
          <DateTime value={instant} />
        </dd>
        <dt style={term}>{t("seconds")}</dt>
        <dd style={definition}>
          <DateTime value={instant} seconds />
        </dd>
        <dt style={term}>{t("date")}</dt>
        <dd style={definition}>
          <DateTime value={instant} format="date" />
        </dd>
        <dt style={term}>{t("time")}</dt>
        <dd style={definition}>
          <DateTime value={instant} format="time" />
        </dd>
        <dt style={term}>{t("relative")}</dt>
        <dd style={definition} data-relative="">
          <DateTime value={instant} format="relative" />
        </dd>
      </dl>
    </GallerySection>
  );
}
