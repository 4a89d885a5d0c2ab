import type { Translate } from "../../../i18n/english";
import type { Quantile } from "./histogram-quantile";

/** The operations page's figures as it writes them, in the page's language and its way of writing numbers. */
export interface Figures {
  /** "12 ms", "0.8 ms", "over 2,500 ms" (beyond the histogram's last bound), "—" (no cast to measure). */
  latency(q: Quantile | undefined): string;
  /** Votes per second: one decimal, as a count it would be too coarse at low traffic. */
  rate(perSecond: number): string;
  count(n: number): string;
  /** "0 s", "1.4 s"; "not reported" when the aggregator did not answer. */
  lag(seconds: number | undefined): string;
  /** The services by the names operators know them by (their ids are for logs and metrics). */
  service(id: string): string;
}

const SERVICES = ["vote-api", "control-api", "results", "aggregator"] as const;

export function figuresIn(t: Translate, locale: string): Figures {
  const whole = new Intl.NumberFormat(locale);
  const tenths = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    latency(q) {
      if (!q) return "—";
      const ms = q.seconds * 1000;
      const value = (ms < 10 ? tenths : whole).format(ms);
      return q.beyondLastBound ? t("operations.units.overMs", { value }) : t("operations.units.ms", { value });
    },
    rate: (perSecond) => tenths.format(perSecond),
    count: (n) => whole.format(n),
    lag: (seconds) =>
      seconds === undefined ? t("operations.notReported") : t("operations.units.s", { value: tenths.format(seconds) }),
    service: (id) =>
      (SERVICES as readonly string[]).includes(id) ? t(`operations.services.${id as (typeof SERVICES)[number]}`) : id,
  };
}
