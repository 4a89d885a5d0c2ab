import { ImageResponse } from "next/og";
import { getTranslations } from "next-intl/server";
import { drawableText, questionSummaries, UNDRAWABLE } from "@landslide/ui/live-results";
import { routing } from "../../../../../i18n/routing";
import { readResults } from "./read-results";

export const alt = "The election's standings: each leading option's share of the votes";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const ink = "#14213d";
const accent = "#1d4ed8";
const muted = "#4a5568";

/** The text as the bundled font can draw it; the narrow no-break space of French figures ("42,9 %") becomes a plain one. */
const drawn = (text: string) => drawableText(text.replaceAll("\u202f", "\u00a0"));

/**
 * The words of the picture in the page's language when the bundled font can draw them, else in
 * English (Arabic: next/og's font has no Arabic letters, and nothing may be downloaded to draw).
 */
async function wordsFor(locale: string) {
  const t = await getTranslations({ locale, namespace: "og" });
  const probe = [t("heading", { final: "yes" }), t("heading", { final: "no" }), t("fallbackTitle"), t("leading")];
  if (probe.every((words) => !drawn(words).includes(UNDRAWABLE))) return { t, locale };
  const fallback = routing.defaultLocale;
  return { t: await getTranslations({ locale: fallback, namespace: "og" }), locale: fallback };
}

/**
 * The picture a shared link to the results previews with: the title, the ballots counted and the
 * first question's leading options with their shares. Drawn with the font next/og ships and only
 * the characters it has (drawableText), so nothing is downloaded to draw it.
 */
export default async function Image({ params }: { params: Promise<{ locale: string; id: string }> }) {
  const { locale: pageLocale, id } = await params;
  const { t, locale } = await wordsFor(pageLocale);
  // The election's words in the picture's language (English where the font cannot draw the page's).
  const results = await readResults(id, locale);
  const [first] = results ? questionSummaries(results.snapshot, 3, locale) : [];
  const final = results?.final ?? true;
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        padding: "56px 64px",
        background: "#ffffff",
        color: ink,
        borderTop: `16px solid ${accent}`,
      }}
    >
      <div style={{ display: "flex", fontSize: 28, color: muted }}>
        {drawn(`Landslide · ${t("heading", { final: final ? "yes" : "no" })}`)}
      </div>
      <div style={{ display: "flex", fontSize: 56, fontWeight: 700, marginTop: 12, lineClamp: 2 }}>
        {drawn(results?.title ?? t("fallbackTitle"))}
      </div>
      {results ? (
        <div style={{ display: "flex", fontSize: 30, color: muted, marginTop: 12 }}>
          {drawn(t("counted", { count: results.snapshot.turnout }))}
        </div>
      ) : null}
      {first ? (
        <div style={{ display: "flex", flexDirection: "column", marginTop: 28 }}>
          <div style={{ display: "flex", fontSize: 28, marginBottom: 12 }}>{drawn(first.prompt)}</div>
          {first.options.map((o) => (
            <div key={o.label} style={{ display: "flex", flexDirection: "column", marginBottom: 14 }}>
              <div style={{ display: "flex", justifyContent: "space-between", fontSize: 30 }}>
                <span>
                  {drawn(o.label)}
                  {o.leading
                    ? drawn(` · ${first.tied ? t("tied") : results?.final ? t("mostVotes") : t("leading")}`)
                    : ""}
                </span>
                <span>{drawn(o.share)}</span>
              </div>
              <div style={{ display: "flex", height: 14, background: "#eef1f7", marginTop: 6 }}>
                <div style={{ display: "flex", width: `${Math.round(o.width * 1000) / 10}%`, background: accent }} />
              </div>
            </div>
          ))}
        </div>
      ) : null}
    </div>,
    {
      ...size,
      // The figures move while voting is open: crawlers may keep the picture a minute, not a year.
      headers: { "cache-control": "public, max-age=60, stale-while-revalidate=300" },
    },
  );
}
