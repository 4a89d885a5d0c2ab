export {
  type OptionStanding,
  type Standings,
  standings,
  type TotalsForStandings,
  votesCast,
} from "@landslide/api/client";

/** "42.9%": one decimal, in the viewer's locale; "0%" and "100%" without a decimal. */
export function formatShare(share: number, locale?: string): string {
  const digits = share === 0 || share === 1 ? 0 : 1;
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}
