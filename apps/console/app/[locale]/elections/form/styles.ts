import type { CSSProperties } from "react";

/**
 * The few looks the console's forms need that styles.css (shared, not ours to change) lacks.
 * Kept here so that the inline styles stay few and named.
 */

/** A fieldset that groups without drawing a box; min-width 0 lets it shrink to 320 px (a fieldset's default is its content's width). */
export const plainFieldset: CSSProperties = { border: 0, padding: 0, margin: "0 0 1rem", minWidth: 0 };

/** A legend that reads like the labels around it. */
export const legendLikeLabel: CSSProperties = { fontWeight: 600, padding: 0, marginBottom: "0.25rem" };

/** A list whose items carry their own numbers ("Option 2"), so the marker would only repeat them. */
export const plainList: CSSProperties = { listStyle: "none", padding: 0, margin: 0 };

/** Fields side by side that wrap under each other on a narrow screen. */
export const fieldRow: CSSProperties = { display: "flex", flexWrap: "wrap", gap: "0 1rem", alignItems: "flex-end" };

export const select: CSSProperties = {
  font: "inherit",
  padding: "0.45rem 0.5rem",
  border: "1px solid var(--muted)",
  borderRadius: "0.375rem",
  maxWidth: "100%",
};

/**
 * A radio or checkbox whose label wraps to several lines: the box keeps its size (a flex item
 * would shrink it beside long text) and sits by the first line, not halfway down the hint.
 */
export const wrappingChoice: CSSProperties = { alignItems: "flex-start" };
export const wrappingChoiceInput: CSSProperties = { flexShrink: 0, marginTop: "0.15rem" };
