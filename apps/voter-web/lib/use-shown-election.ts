import { useLocale } from "next-intl";
import { useCallback } from "react";
import type { LocalizableElection } from "@landslide/api/client";
import { shownElection } from "./election-content";

/** A query's `select` for one election: the election as this page shows it. */
export function useShownElection() {
  const locale = useLocale();
  return useCallback(<E extends LocalizableElection>(election: E) => shownElection(election, locale), [locale]);
}

/** A query's `select` for a list of elections. */
export function useShownElections() {
  const locale = useLocale();
  return useCallback(
    <E extends LocalizableElection>(elections: readonly E[]) => elections.map((e) => shownElection(e, locale)),
    [locale],
  );
}
