"use client";

import { useSyncExternalStore } from "react";
import {
  type DateTimeInput,
  formatDate,
  formatDateTime,
  formatRelative,
  formatTime,
  toIsoString,
  viewerLocale,
} from "../format/date-time";
import type { UiText } from "../text/ui-text";
import { useUiText } from "../text/ui-text-context";

export type DateTimeStyle = "date-time" | "date" | "time" | "relative";

export interface DateTimeProps {
  value: DateTimeInput;
  /** "date-time" (the default): "3 Dec 2026, 14:05 CET"; "date"; "time"; "relative": "5 minutes ago". */
  format?: DateTimeStyle;
  seconds?: boolean;
  className?: string;
}

// The server knows neither the viewer's zone nor locale: it writes UTC in one fixed locale (the
// site's language, or British English), and the browser rewrites it in the viewer's once hydrated.
// useSyncExternalStore gives React both snapshots, so hydration matches the server's text and the
// switch happens just after.
const stable = (text: UiText) => ({ locale: text.dateLocale ?? "en-GB", timeZone: "UTC" });
const noSubscription = () => () => undefined;
const inBrowser = () => true;
const onServer = () => false;

// "relative" text goes stale: re-render every 30 s with one shared clock.
const TICK_MS = 30_000;
const subscribeToClock = (changed: () => void) => {
  const timer = setInterval(changed, TICK_MS);
  return () => clearInterval(timer);
};
const clockNow = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;
const noClock = () => 0;

function said(
  value: DateTimeInput,
  style: DateTimeStyle,
  seconds: boolean | undefined,
  viewer: boolean,
  now: number,
  text: UiText,
) {
  const unknown = text.say("unknownTime");
  const locale = viewerLocale(text.dateLocale);
  const options = viewer ? { seconds, unknown, locale } : { ...stable(text), seconds, unknown };
  switch (style) {
    case "date":
      return formatDate(value, options);
    case "time":
      return formatTime(value, options);
    case "relative":
      return viewer ? formatRelative(value, { now, locale }) : formatDateTime(value, options);
    default:
      return formatDateTime(value, options);
  }
}

/**
 * An instant as `<time dateTime="…ISO…">`, in the viewer's zone and locale. Hovering shows the
 * full date and time in UTC, the one reading every official can compare.
 */
export function DateTime({ value, format = "date-time", seconds, className }: DateTimeProps) {
  const text = useUiText();
  const viewer = useSyncExternalStore(noSubscription, inBrowser, onServer);
  const now = useSyncExternalStore(format === "relative" ? subscribeToClock : noSubscription, clockNow, noClock);
  const iso = toIsoString(value);
  return (
    <time
      dateTime={iso || undefined}
      className={className}
      title={iso ? formatDateTime(value, { ...stable(text), seconds: true }) : undefined}
    >
      {said(value, format, seconds, viewer, now, text)}
    </time>
  );
}
