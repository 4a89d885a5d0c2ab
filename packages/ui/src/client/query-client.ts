import { QueryClient } from "@tanstack/react-query";

/**
 * The tab's query cache. One retry, then the page says what failed; no refetch on focus, because
 * the pages that move (live results, dashboards) poll or stream on their own.
 */
export function createQueryClient(staleTimeMs: number): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: staleTimeMs, retry: 1, refetchOnWindowFocus: false } },
  });
}
