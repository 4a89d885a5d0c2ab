import type { ReactNode } from "react";
import { classNames } from "./class-names";
import type { Tone } from "./tone";

export interface StatProps {
  /** What the figure counts: "Ballots cast". */
  label: ReactNode;
  /** The figure, already formatted ("1,234,567"). */
  value: ReactNode;
  /** A line under it: "since 09:00 CET", "3 more than the recount". */
  hint?: ReactNode;
  /** Colours the edge: warning or danger when the figure needs a look. */
  tone?: Tone;
  className?: string;
}

/** One headline figure with its label, as a description list so the value is read with its label. */
export function Stat({ label, value, hint, tone = "neutral", className }: StatProps) {
  return (
    <dl className={classNames("ls-stat", `ls-tone-${tone}`, className)}>
      <dt className="ls-stat-label">{label}</dt>
      <dd className="ls-stat-value">{value}</dd>
      {hint ? <dd className="ls-stat-hint">{hint}</dd> : null}
    </dl>
  );
}

/** A row of Stats that wraps onto more lines on narrow screens. `label` names the group for screen readers. */
export function StatGroup({ label, className, children }: { label?: string; className?: string; children: ReactNode }) {
  return (
    <div className={classNames("ls-stats", className)} role={label ? "group" : undefined} aria-label={label}>
      {children}
    </div>
  );
}
