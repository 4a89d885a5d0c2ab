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
  const recorder = useRef<InteractionRecorder | undefined>(undefined);
  useEffect(() => {
    if (!active) return;
    recorder.current ??= new InteractionRecorder(performance.now());
    const listeners = EVENTS.map(([type, kind]) => {
      const listener = () => recorder.current?.record(kind, performance.now());
      document.addEventListener(type, listener, { capture: true, passive: true });
      return () => document.removeEventListener(type, listener, { capture: true });
    });
    return () => listeners.forEach((remove) => remove());
  }, [active]);
  return useCallback(() => recorder.current?.summary(performance.now()), []);
}
