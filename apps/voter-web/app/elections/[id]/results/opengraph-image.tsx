import { ImageResponse } from "next/og";
import { ballotsWord, drawableText, questionSummaries } from "@landslide/ui/live-results";
import { readResults } from "./read-results";

export const alt = "The election's standings: each leading option's share of the votes";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const ink = "#14213d";
const accent = "#1d4ed8";
const muted = "#4a5568";

/**
 * The picture a shared link to the results previews with: the title, the ballots counted and the
 * first question's leading options with their shares. Drawn with the font next/og ships and only
 * the characters it has (drawableText), so nothing is downloaded to draw it.
 */
export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const results = await readResults(id);
  const [first] = results ? questionSummaries(results.snapshot, 3) : [];
  const heading = results ? (results.final ? "Results" : "Live results") : "Results";
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
      <div style={{ display: "flex", fontSize: 28, color: muted }}>Landslide · {heading}</div>
      <div style={{ display: "flex", fontSize: 56, fontWeight: 700, marginTop: 12, lineClamp: 2 }}>
        {drawableText(results?.title ?? "Election results")}
      </div>
      {results ? (
        <div style={{ display: "flex", fontSize: 30, color: muted, marginTop: 12 }}>
          {ballotsWord(results.snapshot.turnout)} counted
        </div>
      ) : null}
      {first ? (
        <div style={{ display: "flex", flexDirection: "column", marginTop: 28 }}>
          <div style={{ display: "flex", fontSize: 28, marginBottom: 12 }}>{drawableText(first.prompt)}</div>
          {first.options.map((o) => (
            <div key={o.label} style={{ display: "flex", flexDirection: "column", marginBottom: 14 }}>
              <div style={{ display: "flex", justifyContent: "space-between", fontSize: 30 }}>
                <span>
                  {drawableText(o.label)}
                  {o.leading ? (first.tied ? " · tied" : results?.final ? " · most votes" : " · leading") : ""}
                </span>
                <span>{o.share}</span>
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
