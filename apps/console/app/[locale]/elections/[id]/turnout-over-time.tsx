"use client";

import { useFormatter, useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useUiText } from "@landslide/ui/ui-text";
import { formatClock } from "./local-time";
import type { TurnoutSample } from "./turnout-history";
import { useDateLocale } from "../../../../i18n/use-date-locale";

/** Turnout as each snapshot arrived since this page opened: a line for the eye, a sentence for everyone. */
export function TurnoutOverTime({ history }: { history: readonly TurnoutSample[] }) {
  const t = useTranslations("turnoutOverTime");
  const locale = useDateLocale();
  const format = useFormatter();
  const rtl = useUiText().dir === "rtl";
  const clock = (at: number) => formatClock(at, locale);
  const first = history[0];
  const latest = history.at(-1);
  return (
    <section aria-labelledby="turnout-over-time-heading">
      <h3 id="turnout-over-time-heading">{t("heading")}</h3>
      {!first || !latest || history.length < 2 ? (
        <p className="muted">{t("waiting")}</p>
      ) : (
        <>
          <p>
            {t("sentence", {
              since: clock(first.receivedAt),
              updates: history.length - 1,
              from: first.turnout,
              to: latest.turnout,
              added: format.number(latest.turnout - first.turnout, { signDisplay: "always" }),
              at: clock(latest.receivedAt),
            })}
          </p>
          {/* The chart is for the eye; the sentence above carries its figures. */}
          <div aria-hidden="true" style={{ width: "100%", height: 220 }}>
            <ResponsiveContainer>
              <LineChart
                data={[...history]}
                margin={rtl ? { left: 24, right: 8, top: 8 } : { left: 8, right: 24, top: 8 }}
                accessibilityLayer={false}
              >
                <CartesianGrid stroke="#d4dae6" />
                <XAxis
                  dataKey="receivedAt"
                  type="number"
                  scale="time"
                  domain={["dataMin", "dataMax"]}
                  tickFormatter={clock}
                  reversed={rtl}
                  stroke="#4a5568"
                  tick={{ fontSize: 12 }}
                />
                <YAxis
                  allowDecimals={false}
                  stroke="#4a5568"
                  width={56}
                  tick={{ fontSize: 12 }}
                  orientation={rtl ? "right" : "left"}
                  tickFormatter={(value: number) => format.number(value)}
                />
                <Tooltip
                  labelFormatter={(at) => clock(Number(at))}
                  formatter={(value) => (typeof value === "number" ? format.number(value) : value)}
                />
                <Line type="stepAfter" dataKey="turnout" stroke="#1d4ed8" dot={false} isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </section>
  );
}
