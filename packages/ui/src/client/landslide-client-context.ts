"use client";

import { createContext, use } from "react";
import type { LandslideClient } from "@landslide/api/client";

/** The tab's SDK client, for what is more than one procedure: signing in, casting, passkeys. */
export const LandslideClientContext = createContext<LandslideClient | null>(null);

export function useLandslide(): LandslideClient {
  const client = use(LandslideClientContext);
  if (!client) throw new Error("useLandslide needs <LandslideProviders> above it");
  return client;
}
