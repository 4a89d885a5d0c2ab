"use client";

import { useCallback, useEffect, useRef } from "react";
import { type InteractionKind, InteractionRecorder, type InteractionSummary } from "@landslide/api/client";

/** The page's events each kind of interaction is counted from; listened to passively, never stopped. */
const EVENTS: ReadonlyArray<readonly [keyof DocumentEventMap, InteractionKind]> = [
  ["pointerdown", "press"],
  ["pointermove", "move"],
  ["keydown", "key"],
  ["focusin", "focus"],
];

/**
 * Counts how the voter fills in the ballot from when `active` first holds (the ballot is on the
 * screen) and hands back a function that summarises it for the cast. Counts and timing only
 * (InteractionRecorder): nothing typed, nothing pointed at, leaves the page.
 */
export function useInteractionRecorder(active: boolean): () => InteractionSummary | undefined {
  const recorderRef = useRef<InteractionRecorder | undefined>(undefined);
  useEffect(() => {
    if (!active) return;
    const recorder = (recorderRef.current ??= new InteractionRecorder(performance.now()));
    // One signal takes every listener off again.
    const listening = new AbortController();
    for (const [type, kind] of EVENTS) {
      document.addEventListener(type, () => recorder.record(kind, performance.now()), {
        capture: true,
        passive: true,
        signal: listening.signal,
      });
    }
    return () => listening.abort();
  }, [active]);
  return useCallback(() => recorderRef.current?.summary(performance.now()), []);
}
