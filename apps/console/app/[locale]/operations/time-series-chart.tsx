"use client";

import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useUiText } from "@landslide/ui/ui-text";
import type { ChartPoint } from "./derive-series";
import { useDateLocale } from "../../../i18n/use-date-locale";

export interface Series {
  readonly key: Exclude<keyof ChartPoint, "at">;
  readonly name: string;
  readonly color: string;
  /** A dash pattern, so lines differ by more than colour. */
  readonly dash?: string;
}

const axis = { stroke: "#4a5568", tick: { fontSize: 12 } } as const;

/**
 * Figures over time for the eye only (hidden from assistive technology): every section that
 * draws one also says its figures in a table. Stacked areas for parts of a whole (votes by
 * outcome), lines for figures that do not add up (percentiles). Times and figures are written
 * in the page's language; on a right-to-left page time runs from the right, its axis of figures
 * on the right too.
 */
export function TimeSeriesChart({
  points,
  series,
  stacked = false,
  unit,
  height = 220,
}: {
  points: readonly ChartPoint[];
  series: readonly Series[];
  stacked?: boolean;
  unit: string;
  height?: number;
}) {
  const locale = useDateLocale();
  const rtl = useUiText().dir === "rtl";
  const clockFormat = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const clock = (at: number) => clockFormat.format(at);
  const figures = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const data = [...points];
  const margin = rtl ? { left: 16, right: 4, top: 8 } : { left: 4, right: 16, top: 8 };
  const common = { data, margin, accessibilityLayer: false } as const;
  const xAxis = (
    <XAxis
      dataKey="at"
      type="number"
      scale="time"
      domain={["dataMin", "dataMax"]}
      tickFormatter={clock}
      reversed={rtl}
      {...axis}
    />
  );
  const yAxis = (
    <YAxis
      width={68}
      allowDecimals
      unit={unit}
      orientation={rtl ? "right" : "left"}
      tickFormatter={(value: number) => figures.format(value)}
      {...axis}
    />
  );
  // In the order the series are given (recharts sorts by name unless told), the same order as the table's columns.
  const order = new Map<string, number>(series.map((s, i) => [s.name, i]));
  const legend = <Legend itemSorter={(item) => order.get(String(item.value)) ?? 0} />;
  const tooltip = (
    <Tooltip
      labelFormatter={(at) => clock(Number(at))}
      formatter={(value) => (typeof value === "number" ? figures.format(value) : "—")}
    />
  );
  return (
    <div aria-hidden="true" style={{ width: "100%", height }}>
      <ResponsiveContainer>
        {stacked ? (
          <AreaChart {...common}>
            <CartesianGrid stroke="#d4dae6" />
            {xAxis}
            {yAxis}
            {tooltip}
            {legend}
            {series.map((s) => (
              <Area
                key={s.key}
                type="stepAfter"
                dataKey={s.key}
                name={s.name}
                stackId="stack"
                stroke={s.color}
                fill={s.color}
                fillOpacity={0.35}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        ) : (
          <LineChart {...common}>
            <CartesianGrid stroke="#d4dae6" />
            {xAxis}
            {yAxis}
            {tooltip}
            {legend}
            {series.map((s) => (
              <Line
                key={s.key}
                type="monotone"
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray={s.dash}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
