"use client";

import { createContext, type ReactNode, use } from "react";
import { englishUiText, type UiText } from "./ui-text";

const UiTextContext = createContext<UiText>(englishUiText);

/** The site's words for the shared components below it; without it they speak English. */
export function UiTextProvider({ value, children }: { value: UiText; children: ReactNode }) {
  return <UiTextContext value={value}>{children}</UiTextContext>;
}

/** The words of the site this component is on (English unless a UiTextProvider says otherwise). */
export function useUiText(): UiText {
  return use(UiTextContext);
}
