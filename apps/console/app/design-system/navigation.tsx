"use client";

import { DateTime, TabNav, Tabs } from "@landslide/ui/components";
import { GallerySection } from "./gallery-section";

/** Tabs within a page, and the link tabs between a record's sub-pages. */
export function Navigation() {
  return (
    <GallerySection id="tabs" title="Tabs">
      <Tabs
        label="Results views"
        items={[
          { value: "table", label: "Table", content: <p>Votes per option, as a table.</p> },
          { value: "chart", label: "Chart", content: <p>Votes per option, as bars.</p> },
          { value: "rounds", label: "Rounds", content: <p>Each counting round.</p> },
          { value: "audit", label: "Audit", content: <p>Not yet sealed.</p>, disabled: true },
        ]}
      />
      <TabNav
        label="Election sections"
        items={[
          { href: "/design-system", label: "Overview", current: true },
          { href: "/design-system?roll", label: "Voter roll" },
          { href: "/design-system?fraud", label: "Fraud review" },
          { href: "/design-system?certify", label: "Certification" },
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
  return (
    <GallerySection
      id="dates"
      title="Dates and times"
      intro="In your time zone and language; hover for the same instant in UTC."
    >
      <dl
        style={{
          display: "grid",
          gridTemplateColumns: "minmax(0, 10rem) minmax(0, 1fr)",
          gap: "0.5rem 1rem",
          margin: 0,
        }}
      >
        <dt style={term}>Date and time</dt>
        <dd style={definition}>
          <DateTime value={instant} />
        </dd>
        <dt style={term}>With seconds</dt>
        <dd style={definition}>
          <DateTime value={instant} seconds />
        </dd>
        <dt style={term}>Date</dt>
        <dd style={definition}>
          <DateTime value={instant} format="date" />
        </dd>
        <dt style={term}>Time</dt>
        <dd style={definition}>
          <DateTime value={instant} format="time" />
        </dd>
        <dt style={term}>Relative to now</dt>
        <dd style={definition} data-relative="">
          <DateTime value={instant} format="relative" />
        </dd>
      </dl>
    </GallerySection>
  );
}
