"use client";

import { useEffect, useRef } from "react";

/**
 * Focus for a list put in order with buttons (the voter's ranking, an official's recorded tie
 * draw). A press re-orders the rows, and the pressed button may go (a ranked option's "Rank …")
 * or be disabled (the top row's "Up"): after the render that follows, focus goes to the button
 * named for what comes next instead of dropping to the page. `button(key)` is each button's ref;
 * `focusNext(key)` names the one to focus.
 */
export function useFocusAfterMove(): {
  readonly button: (key: string) => (element: HTMLButtonElement | null) => void;
  readonly focusNext: (key: string) => void;
} {
  const buttonsRef = useRef(new Map<string, HTMLButtonElement>());
  const nextRef = useRef<string>(undefined);
  useEffect(() => {
    if (nextRef.current) buttonsRef.current.get(nextRef.current)?.focus();
    nextRef.current = undefined;
  });
  return {
    button: (key) => (element) => {
      if (element) buttonsRef.current.set(key, element);
      else buttonsRef.current.delete(key);
    },
    focusNext: (key) => {
      nextRef.current = key;
    },
  };
}

/**
 * Which of a moved row's two buttons keeps focus: the one pressed while the row can go further
 * that way, else the other (the row reached the top or the bottom).
 */
export function buttonAfterMove(from: number, to: number, rows: number): "up" | "down" {
  const up = to < from;
  const canGoOn = up ? to > 0 : to < rows - 1;
  return up === canGoOn ? "up" : "down";
}
