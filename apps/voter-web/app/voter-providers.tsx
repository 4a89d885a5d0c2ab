"use client";

import { type ReactNode, useMemo } from "react";
import { useLocale, useTranslations } from "next-intl";
import { type ClientExtras, LandslideProviders, type PublicConfig } from "@landslide/ui/client";
import { type UiText, UiTextProvider } from "@landslide/ui/ui-text";
import { voterUiText } from "../i18n/ui-text";
import { browserPasskeys, browserSupportsWebAuthn } from "../lib/browser-passkeys";
import { indexedDbDeviceKeys } from "../lib/indexeddb-device-keys";
import { solveInWorker } from "../lib/solve-in-worker";

/**
 * What a voter's client has that an official's does not: the device key kept in IndexedDB, the
 * human check solved in a worker, and the device's passkeys. Without WebAuthn (or while rendering
 * on the server) there is no authenticator: casts go unsigned by a passkey.
 */
function voterClientExtras(): ClientExtras {
  return {
    deviceKeys: indexedDbDeviceKeys(),
    solveProofOfWork: solveInWorker,
    ...(browserSupportsWebAuthn() ? { passkeys: browserPasskeys } : {}),
  };
}

/** Reads stay fresh for 5 s; the session lives in this tab only, and a reload asks to sign in again, which a voting visit of minutes can afford. */
export function VoterProviders({ config, children }: { config: PublicConfig; children: ReactNode }) {
  return (
    <LandslideProviders config={config} staleTimeMs={5_000} clientExtras={voterClientExtras}>
      {children}
    </LandslideProviders>
  );
}

/** The shared components' words (packages/ui) in the page's language (and direction), from its messages' `ui` and `auth` namespaces. */
export function VoterUiText({ dir, children }: { dir: "ltr" | "rtl"; children: ReactNode }) {
  const locale = useLocale();
  const ui = useTranslations("ui");
  const auth = useTranslations("auth");
  const text: UiText = useMemo(() => voterUiText(locale, dir, ui, auth), [locale, dir, ui, auth]);
  return <UiTextProvider value={text}>{children}</UiTextProvider>;
}
