"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useControlApi } from "@landslide/ui/client";

/** After an official's mail action: the tab's figures, reminders and messages, and the audit trail that records it. */
export function useMailChanged(): () => Promise<unknown> {
  const control = useControlApi();
  const queries = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queries.invalidateQueries(control.official.notifications.pathFilter()),
        queries.invalidateQueries(control.official.audit.pathFilter()),
      ]),
    [control, queries],
  );
}
