"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * A horizontal bar per option, for the eye only (hidden from assistive technology): every page
 * that shows it also shows the same figures in a table.
 */
export function OptionVotesChart({
  options,
}: {
  options: ReadonlyArray<{ readonly label: string; readonly votes: number }>;
}) {
  const data = options.map((o) => ({ name: o.label, votes: o.votes }));
  return (
    <div aria-hidden="true" style={{ width: "100%", height: 56 + data.length * 40 }}>
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
          <CartesianGrid horizontal={false} stroke="#d4dae6" />
          <XAxis type="number" allowDecimals={false} stroke="#4a5568" />
          <YAxis type="category" dataKey="name" width={112} stroke="#4a5568" tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="votes" fill="#1d4ed8" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
