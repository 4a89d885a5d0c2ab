import type { ReactNode } from "react";

/** One group of the gallery: a heading and its examples, the unit the visual tests photograph. */
export function GallerySection({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="ds-section" aria-labelledby={`${id}-heading`} data-gallery={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro ? <p className="muted">{intro}</p> : null}
      {children}
    </section>
  );
}

/** A row of examples that wraps at 390 px. */
export function Row({ children }: { children: ReactNode }) {
  return (
    <div style={{ display: "flex", flexWrap: "wrap", gap: "0.75rem", alignItems: "center", marginBottom: "1rem" }}>
      {children}
    </div>
  );
}
