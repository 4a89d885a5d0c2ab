"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useState } from "react";
import { createLandslideClient, type LandslideClient, type LandslideClientOptions } from "@landslide/api/client";
import { browserPasskeys, browserSupportsWebAuthn } from "../lib/browser-passkeys";
import { indexedDbDeviceKeys } from "../lib/indexeddb-device-keys";
import { solveInWorker } from "../lib/solve-in-worker";

/** What the browser needs to reach Landslide: public URLs and the voter site's app client (no secret). */
export type PublicConfig = Pick<LandslideClientOptions, "urls" | "cognito">;

const LandslideContext = createContext<LandslideClient | null>(null);

/**
 * One SDK client and one query cache per tab. The session (access, ID and refresh tokens) stays
 * in this tab's memory only, never in localStorage: no script can read it back later, and a
 * reload asks the voter to sign in again, which a voting visit of minutes can afford.
 */
export function Providers({ config, children }: { config: PublicConfig; children: ReactNode }) {
  // Without WebAuthn (or while rendering on the server) the client has no authenticator: casts go unsigned by a passkey.
  const [client] = useState(() =>
    createLandslideClient({ ...config, deviceKeys: indexedDbDeviceKeys(), solveProofOfWork: solveInWorker, ...(browserSupportsWebAuthn() ? { passkeys: browserPasskeys } : {}) }),
  );
  const [queries] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1, refetchOnWindowFocus: false } } }));
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
