"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useState } from "react";
import { createLandslideClient, type LandslideClient, type LandslideClientOptions } from "@landslide/api/client";

/** What the browser needs to reach Landslide: public URLs and the console's app client (no secret). */
export type PublicConfig = Pick<LandslideClientOptions, "urls" | "cognito">;

const LandslideContext = createContext<LandslideClient | null>(null);

/**
 * One SDK client and one query cache per tab. As on the voter site, the session stays in this
 * tab's memory only: an official's tokens can do much more than a voter's, so no script may
 * read them back from storage; a reload asks for the password again.
 */
export function Providers({ config, children }: { config: PublicConfig; children: ReactNode }) {
  const [client] = useState(() => createLandslideClient(config));
  const [queries] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 2_000, retry: 1, refetchOnWindowFocus: false } } }));
  return (
    <QueryClientProvider client={queries}>
      <LandslideContext.Provider value={client}>{children}</LandslideContext.Provider>
    </QueryClientProvider>
  );
}

export function useLandslide(): LandslideClient {
  const client = useContext(LandslideContext);
  if (!client) throw new Error("useLandslide needs <Providers> above it");
  return client;
}
