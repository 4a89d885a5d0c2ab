"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { refusalOf, type RouterOutputs } from "@landslide/api/client";
import { useLandslide } from "@landslide/ui/client";
import type { Translate } from "../../../../i18n/english";
import { PasskeyCeremonyError, type PasskeySupport, passkeyReadyUrl } from "../../../../lib/browser-passkeys";
import { passkeyProblem, refusalMessage } from "../../../../lib/refusal-messages";
import { sdkQueries } from "../../../../lib/sdk-queries";

/** The election's passkey policy, as the vote API's public read gives it (packages/vote-engine, election/definition.ts). */
type PasskeyPolicy = RouterOutputs["elections"]["get"]["passkeyPolicy"];

/** The card's heading for each policy (messages: passkey.heading). */
const headings = {
  required: "heading.required",
  "review-without": "heading.reviewWithout",
  optional: "heading.optional",
} as const satisfies Record<PasskeyPolicy, string>;

function addFailureMessage(error: unknown, t: Translate): string {
  if (error instanceof PasskeyCeremonyError) return t("passkey.addFailed", { problem: passkeyProblem(error, t) });
  const refusal = refusalOf(error);
  if (refusal?.reason === "PASSKEY_INVALID") return t("passkey.notChecked");
  return refusalMessage(refusal?.reason, refusal ? refusal.message : t("passkey.addOffline"), t);
}

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** What to do when this page cannot add a passkey with the device's own lock; nothing when it can (a security key may still do where there is no built-in one). */
function SupportProblem({ support }: { support: PasskeySupport }) {
  const t = useTranslations("passkey.support");
  if (support === "ip-address") {
    const url = passkeyReadyUrl(location.href);
    return (
      <p>
        {t.rich("ipAddress", { host: location.hostname, strong })}{" "}
        {url
          ? t.rich("openAt", { origin: new URL(url).origin, link: (chunks) => <a href={url}>{chunks}</a> })
          : t("openByName")}
      </p>
    );
  }
  if (support === "no-webauthn") return <p>{t.rich("noWebAuthn", { strong })}</p>;
  if (support === "no-built-in") return <p>{t.rich("noBuiltIn", { strong })}</p>;
  return null;
}

/**
 * Offers a passkey before the ballot, when this device has none, as the election's policy asks:
 * "required" keeps the ballot back until one is added; "optional" and "review-without" can be
 * skipped. Casting signs with the passkey by itself (the SDK does it once the device has one).
 */
export function PasskeyGate({ policy, children }: { policy: PasskeyPolicy; children: ReactNode }) {
  const t = useTranslations();
  const client = useLandslide();
  const queries = useQueryClient();
  const deviceQuery = sdkQueries.passkeyOfDevice(client);
  const device = useQuery(deviceQuery);
  const support = useQuery(sdkQueries.passkeySupport());
  const add = useMutation({
    mutationFn: () => client.registerPasskey(),
    onSuccess: ({ credentialId }) => queries.setQueryData(deviceQuery.queryKey, credentialId),
  });
  const [skipped, setSkipped] = useState(false);
  // The button pressed disappears: focus goes to what replaced it (the outcome, or the card again), not
  // back to the top of the page. Never on first render: arriving on the page keeps focus where it is.
  const afterRef = useRef<HTMLParagraphElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const changedRef = useRef(false);
  useEffect(() => {
    if (changedRef.current) (afterRef.current ?? headingRef.current)?.focus();
    changedRef.current = true;
  }, [add.isSuccess, skipped]);

  const required = policy === "required";
  const card = passkeyCard();
  // The ballot keeps one place whatever shows above it: a ballot rebuilt under the voter's hands loses their focus and their keystrokes.
  return (
    <>
      {card.above}
      {card.ballot ? children : null}
    </>
  );

  function passkeyCard(): { above: ReactNode; ballot: boolean } {
    if (add.isSuccess) {
      return {
        above: (
          <div role="status">
            <p ref={afterRef} tabIndex={-1} className="notice ok">
              {t("passkey.added")}
            </p>
          </div>
        ),
        ballot: true,
      };
    }
    // A device that has one needs no card; one that could not be asked goes on, and a cast's refusal says what is missing.
    if (device.isError || device.data) return { above: null, ballot: true };
    if (device.isPending || support.isPending)
      return required
        ? { above: <p role="status">{t("passkey.checking")}</p>, ballot: false }
        : { above: null, ballot: true };
    if (skipped) {
      return {
        above: (
          <p ref={afterRef} tabIndex={-1} className="muted">
            {t("passkey.skipped")}{" "}
            <button type="button" className="link" onClick={() => setSkipped(false)}>
              {t("passkey.addAfterAll")}
            </button>
          </p>
        ),
        ballot: true,
      };
    }
    const canTry = support.data === "ready" || support.data === "no-built-in";
    return {
      above: (
        <section
          className="card"
          style={{ marginTop: "1rem" }}
          aria-labelledby="passkey-heading"
          aria-describedby="passkey-why"
        >
          <h2 id="passkey-heading" ref={headingRef} tabIndex={-1} style={{ marginTop: 0 }}>
            {t(`passkey.${headings[policy]}`)}
          </h2>
          <p id="passkey-why">{t("passkey.why")}</p>
          {required ? (
            <p className="notice">{t.rich("passkey.required", { strong })}</p>
          ) : policy === "review-without" ? (
            <p className="notice">{t("passkey.reviewWithout")}</p>
          ) : (
            <p>{t("passkey.optional")}</p>
          )}
          {support.data ? <SupportProblem support={support.data} /> : null}
          {add.isPending ? <p role="status">{t("passkey.followPrompt")}</p> : null}
          {add.isError ? (
            <p role="alert" className="notice bad">
              {addFailureMessage(add.error, t)}
            </p>
          ) : null}
          <div className="actions">
            {canTry ? (
              <button type="button" onClick={() => add.mutate()} disabled={add.isPending}>
                {add.isPending ? t("passkey.waiting") : t("passkey.add")}
              </button>
            ) : null}
            {required ? null : (
              <button type="button" className="secondary" onClick={() => setSkipped(true)} disabled={add.isPending}>
                {policy === "review-without" ? t("passkey.voteWithout") : t("passkey.notNow")}
              </button>
            )}
          </div>
        </section>
      ),
      ballot: !required,
    };
  }
}
