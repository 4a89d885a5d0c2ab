import type { ReactNode } from "react";

/**
 * A wide table's own horizontal scroll, so the page never scrolls sideways at 320 px. Focusable
 * (keyboard users scroll it with the arrow keys) and named, as a scrollable region must be.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: "auto", maxWidth: "100%" }}>
      {children}
    </div>
  );
}
