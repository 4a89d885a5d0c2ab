import { useTranslations } from "next-intl";
import { GallerySection } from "./gallery-section";

const colours = [
  ["ink", "--ls-color-ink"],
  ["muted", "--ls-color-muted"],
  ["accent", "--ls-color-accent"],
  ["line", "--ls-color-line"],
  ["control", "--ls-color-control"],
  ["wash", "--ls-color-wash"],
] as const;

const tones = ["neutral", "info", "success", "warning", "danger"] as const;

const typeScale = [
  ["stat", "--ls-text-stat"],
  ["pageTitle", "--ls-text-2xl"],
  ["sectionTitle", "--ls-text-xl"],
  ["cardTitle", "--ls-text-lg"],
  ["body", "--ls-text-md"],
  ["small", "--ls-text-sm"],
] as const;

const spaces = [
  "--ls-space-1",
  "--ls-space-2",
  "--ls-space-3",
  "--ls-space-4",
  "--ls-space-6",
  "--ls-space-8",
] as const;

const swatch = {
  width: "2.5rem",
  height: "2.5rem",
  borderRadius: "var(--ls-radius-md)",
  border: "1px solid var(--ls-color-line)",
  flex: "none",
} as const;
const listStyle = {
  listStyle: "none",
  margin: 0,
  padding: 0,
  display: "grid",
  gap: "0.5rem",
  gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 16rem), 1fr))",
} as const;

/** The tokens: what every component is drawn with (CSS custom properties in @landslide/ui/styles.css). */
export function Tokens() {
  const t = useTranslations("designSystem.tokens");
  return (
    <GallerySection id="tokens" title={t("title")} intro={t("intro")}>
      <h3>{t("colours")}</h3>
      <ul style={listStyle}>
        {colours.map(([name, token]) => (
          <li key={token} style={{ display: "flex", gap: "0.75rem", alignItems: "center" }}>
            <span style={{ ...swatch, background: `var(${token})` }} aria-hidden="true" />
            <span>
              {t(`colour.${name}`)}
              <br />
              <code className="muted">{token}</code>
            </span>
          </li>
        ))}
      </ul>
      <h3>{t("tones")}</h3>
      <ul style={listStyle}>
        {tones.map((tone) => (
          <li
            key={tone}
            className={`ls-tone-${tone}`}
            style={{ display: "flex", gap: "0.75rem", alignItems: "center" }}
          >
            <span
              style={{
                ...swatch,
                background: "var(--ls-tone-bg)",
                borderColor: "var(--ls-tone-line)",
                color: "var(--ls-tone-fg)",
                display: "grid",
                placeItems: "center",
                fontWeight: 700,
              }}
              aria-hidden="true"
            >
              Aa
            </span>
            <span>
              {t(`tone.${tone}`)}
              <br />
              <code className="muted">.ls-tone-{tone}</code>
            </span>
          </li>
        ))}
      </ul>
      <h3>{t("typeScale")}</h3>
      {typeScale.map(([name, token]) => (
        <p key={token} style={{ fontSize: `var(${token})`, margin: "0 0 0.25rem", lineHeight: 1.25 }}>
          {t(`type.${name}`)}{" "}
          <code className="muted" style={{ fontSize: "var(--ls-text-sm)" }}>
            {token}
          </code>
        </p>
      ))}
      <h3>{t("spacing")}</h3>
      <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
        {spaces.map((token) => (
          <li key={token} style={{ display: "flex", gap: "0.75rem", alignItems: "center", marginBottom: "0.25rem" }}>
            <span
              style={{ width: `var(${token})`, height: "1rem", background: "var(--ls-color-accent)" }}
              aria-hidden="true"
            />
            <code className="muted">{token}</code>
          </li>
        ))}
      </ul>
    </GallerySection>
  );
}
