"use client";

import { useEffect, useState } from "react";

/** The current time, refreshed every `everyMs`: for figures that change with time alone, such as a rate. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
