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
import type { ChartPoint } from "./derive-series";

export interface Series {
  readonly key: Exclude<keyof ChartPoint, "at">;
  readonly name: string;
  readonly color: string;
  /** A dash pattern, so lines differ by more than colour. */
  readonly dash?: string;
}

const clock = (at: number) => new Date(at).toLocaleTimeString("en-GB");
const axis = { stroke: "#4a5568", tick: { fontSize: 12 } } as const;

/**
 * Figures over time for the eye only (hidden from assistive technology): every section that
 * draws one also says its figures in a table. Stacked areas for parts of a whole (votes by
 * outcome), lines for figures that do not add up (percentiles).
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
  const data = [...points];
  const common = { data, margin: { left: 4, right: 16, top: 8 }, accessibilityLayer: false } as const;
  const xAxis = (
    <XAxis dataKey="at" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={clock} {...axis} />
  );
  const yAxis = <YAxis width={68} allowDecimals unit={unit} {...axis} />;
  // In the order the series are given (recharts sorts by name unless told), the same order as the table's columns.
  const order = new Map<string, number>(series.map((s, i) => [s.name, i]));
  const legend = <Legend itemSorter={(item) => order.get(String(item.value)) ?? 0} />;
  const tooltip = (
    <Tooltip
      labelFormatter={(at) => clock(Number(at))}
      formatter={(value) =>
        typeof value === "number" ? value.toLocaleString("en", { maximumFractionDigits: 1 }) : "—"
      }
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
