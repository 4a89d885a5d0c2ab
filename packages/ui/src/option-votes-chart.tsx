"use client";

import { Bar, BarChart, Cell, LabelList, ResponsiveContainer, Text, usePlotArea, XAxis, YAxis } from "recharts";
import { formatShare } from "./results/standings";
import { englishUiText, type UiText } from "./text/ui-text";
import { useUiText } from "./text/ui-text-context";

export interface ChartOption {
  readonly label: string;
  readonly votes: number;
  /**
   * 0–1: the bar's length, of the full width; see standings(). Said as a share unless `figures`
   * says what the bar shows. Without it the bar is labelled with its votes only.
   */
  readonly share?: number;
  /** The bar's figures in words when they are not its votes and share: a score question's average ("4.2 out of 5"). */
  readonly figures?: string;
  /** Said in words on the bar ("Leading", "Winner"): the colour only repeats it. */
  readonly mark?: string;
}

const ROW = 52;
const BAR = 18;
const colours = { bar: "#1d4ed8", leader: "#1e3a8a", text: "#14213d" } as const;

/** "12 votes · 42.9% · Leading": a bar's figures, written at its end above it. */
export function barFigures(o: ChartOption, text: UiText = englishUiText): string {
  if (o.figures !== undefined) return [o.figures, ...(o.mark ? [o.mark] : [])].join(" · ");
  const votes = text.say("votes", { count: o.votes });
  return [
    votes,
    ...(o.share === undefined ? [] : [formatShare(o.share, text.locale)]),
    ...(o.mark ? [o.mark] : []),
  ].join(" · ");
}

// An estimate of a 14 px character's width, to leave the figures their room beside the option's name.
const CHAR_PX = 7.6;

/**
 * Above each bar: the option's name at its start (cut short with an ellipsis on a narrow screen;
 * the table has it whole) and its figures at its end, which are never cut. The start is the left,
 * or the right on a right-to-left page, where the bars grow from the right: SVG text takes the
 * page's direction, so "start" and "end" anchor each text on the side it begins from.
 */
function BarCaption({
  y,
  index,
  data,
  rtl,
}: {
  y?: number | string;
  index?: number;
  data: readonly ChartRow[];
  rtl: boolean;
}) {
  const plot = usePlotArea();
  const row = data[index ?? 0];
  if (!plot || !row) return null;
  const top = Number(y) - 6;
  const figuresWidth = row.figures.length * CHAR_PX + 12;
  const [start, end] = rtl ? [plot.x + plot.width, plot.x] : [plot.x, plot.x + plot.width];
  return (
    <g direction={rtl ? "rtl" : "ltr"}>
      <Text
        x={start}
        y={top}
        textAnchor="start"
        width={Math.max(40, plot.width - figuresWidth)}
        maxLines={1}
        fill={colours.text}
        fontSize={14}
        fontWeight={600}
      >
        {row.name}
      </Text>
      <Text x={end} y={top} textAnchor="end" fill={colours.text} fontSize={14}>
        {row.figures}
      </Text>
    </g>
  );
}

interface ChartRow {
  readonly name: string;
  readonly votes: number;
  readonly length: number;
  readonly figures: string;
  readonly marked: boolean;
}

/**
 * A horizontal bar per option, each with its option, votes, share and mark written above it, so the
 * chart reads without a legend, a tooltip or colour. It is for the eye only (hidden from assistive
 * technology): every page that shows it also shows the same figures in a table.
 */
export function OptionVotesChart({ options }: { options: readonly ChartOption[] }) {
  const text = useUiText();
  const rtl = text.dir === "rtl";
  const data: ChartRow[] = options.map((o) => ({
    name: o.label,
    votes: o.votes,
    // The bar's length is the share when there is one: three options tied at a third each fill a
    // third of the width, not all of it as bars scaled to the leader would. A score question's
    // share is its average over the range's highest score.
    length: o.share ?? o.votes,
    figures: barFigures(o, text),
    marked: !!o.mark,
  }));
  const byShare = options.every((o) => o.share !== undefined);
  const top = byShare ? 1 : Math.max(1, ...data.map((d) => d.votes));
  return (
    <div aria-hidden="true" className="ls-votes-chart" style={{ width: "100%", height: 8 + data.length * ROW }}>
      <ResponsiveContainer>
        <BarChart
          data={data}
          layout="vertical"
          margin={rtl ? { top: 8, right: 0, bottom: 0, left: 8 } : { top: 8, right: 8, bottom: 0, left: 0 }}
          barSize={BAR}
          accessibilityLayer={false}
        >
          <XAxis type="number" hide domain={[0, top]} reversed={rtl} />
          <YAxis type="category" dataKey="name" hide />
          <Bar dataKey="length" isAnimationActive={false} background={{ fill: "#eef1f7" }}>
            {data.map((d) => (
              // A leader's bar is darker too, but its mark is written in its caption.
              <Cell key={d.name} fill={d.marked ? colours.leader : colours.bar} />
            ))}
            <LabelList
              dataKey="figures"
              content={({ y, index }) => <BarCaption y={y} index={index} data={data} rtl={rtl} />}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
