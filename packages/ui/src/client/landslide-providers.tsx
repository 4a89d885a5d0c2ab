"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { createLandslideClient, type LandslideClientOptions } from "@landslide/api/client";
import { LandslideClientContext } from "./landslide-client-context";
import type { PublicConfig } from "./public-config";
import { createQueryClient } from "./query-client";
import { ControlApiProvider, ResultsApiProvider, SERVICE_KEY_PREFIX, VoteApiProvider } from "./service-contexts";

/** What one app's client has beyond the public configuration (the voter site: device keys, a worker, passkeys). */
export type ClientExtras = Omit<LandslideClientOptions, "urls" | "cognito">;

interface LandslideProvidersProps {
  config: PublicConfig;
  /** How long a read is fresh: the console's figures move faster than what voters read. */
  staleTimeMs: number;
  /** Called once, when the client is made (on the server's render too, where browser features are absent). */
  clientExtras?: () => ClientExtras;
  children: ReactNode;
}

/**
 * One SDK client and one query cache per tab, and the three services' tRPC clients (the SDK's,
 * which sign requests and prove the device) under them. The session (access, ID and refresh
 * tokens) stays in this tab's memory only, never in localStorage: no script can read it back
 * later, and a reload asks to sign in again.
 */
export function LandslideProviders({ config, staleTimeMs, clientExtras, children }: LandslideProvidersProps) {
  const [client] = useState(() => createLandslideClient({ ...config, ...clientExtras?.() }));
  const [queries] = useState(() => createQueryClient(staleTimeMs));
  return (
    <QueryClientProvider client={queries}>
      <LandslideClientContext value={client}>
        <VoteApiProvider trpcClient={client.vote} queryClient={queries} keyPrefix={SERVICE_KEY_PREFIX.voteApi}>
          <ControlApiProvider
            trpcClient={client.control}
            queryClient={queries}
            keyPrefix={SERVICE_KEY_PREFIX.controlApi}
          >
            <ResultsApiProvider
              trpcClient={client.results}
              queryClient={queries}
              keyPrefix={SERVICE_KEY_PREFIX.results}
            >
              {children}
            </ResultsApiProvider>
          </ControlApiProvider>
        </VoteApiProvider>
      </LandslideClientContext>
    </QueryClientProvider>
  );
}
