"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { refusalOf, type RouterOutputs } from "@landslide/api/client";
import { useLandslide } from "@landslide/ui/client";
import { PasskeyCeremonyError, type PasskeySupport, passkeyReadyUrl } from "../../../lib/browser-passkeys";
import { refusalMessage } from "../../../lib/refusal-messages";
import { sdkQueries } from "../../../lib/sdk-queries";

/** The election's passkey policy, as the vote API's public read gives it (packages/vote-engine, election/definition.ts). */
type PasskeyPolicy = RouterOutputs["elections"]["get"]["passkeyPolicy"];

const headings: Record<PasskeyPolicy, string> = {
  required: "Add a passkey to vote",
  "review-without": "Add a passkey so your ballot counts straight away",
  optional: "Add a passkey to this device",
};

function addFailureMessage(error: unknown): string {
  if (error instanceof PasskeyCeremonyError) return `${error.message} No passkey was added. Try again.`;
  const refusal = refusalOf(error);
  if (refusal?.reason === "PASSKEY_INVALID")
    return "Landslide could not check this passkey, so it was not added. Try again, or use another device.";
  return refusalMessage(
    refusal?.reason,
    refusal ? refusal.message : "The passkey could not be added: check your connection and try again.",
  );
}

/** What to do when this page cannot add a passkey with the device's own lock; nothing when it can (a security key may still do where there is no built-in one). */
function SupportProblem({ support }: { support: PasskeySupport }) {
  if (support === "ip-address") {
    const url = passkeyReadyUrl(location.href);
    return (
      <p>
        <strong>Passkeys do not work when this site is opened by a numeric address such as {location.hostname}.</strong>{" "}
        {url ? (
          <>
            Open it at <a href={url}>{new URL(url).origin}</a> instead, and sign in there.
          </>
        ) : (
          "Open it by its name, the address the election office gave you, and sign in there."
        )}
      </p>
    );
  }
  if (support === "no-webauthn") {
    return (
      <p>
        <strong>This browser cannot use passkeys.</strong> Open this page in an up-to-date browser (Chrome, Safari, Edge
        or Firefox) on a phone or computer with a fingerprint, face or screen lock.
      </p>
    );
  }
  if (support === "no-built-in") {
    return (
      <p>
        <strong>This device offers no fingerprint, face or screen lock to this browser.</strong> If you have a security
        key, plug it in and choose “Add a passkey”. If not, open this page on a phone or computer that has one.
      </p>
    );
  }
  return null;
}

/**
 * Offers a passkey before the ballot, when this device has none, as the election's policy asks:
 * "required" keeps the ballot back until one is added; "optional" and "review-without" can be
 * skipped. Casting signs with the passkey by itself (the SDK does it once the device has one).
 */
export function PasskeyGate({ policy, children }: { policy: PasskeyPolicy; children: ReactNode }) {
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
              Passkey added. When you cast your ballot, this device will ask for your fingerprint, face or screen lock
              to sign it.
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
        ? { above: <p role="status">Checking this device for a passkey…</p>, ballot: false }
        : { above: null, ballot: true };
    if (skipped) {
      return {
        above: (
          <p ref={afterRef} tabIndex={-1} className="muted">
            You chose to vote without a passkey.{" "}
            <button type="button" className="link" onClick={() => setSkipped(false)}>
              Add one after all
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
            {headings[policy]}
          </h2>
          <p id="passkey-why">
            A passkey stays on this device and is unlocked with your fingerprint, face or screen lock. It proves that a
            person on a real device cast the ballot, not a program. Your fingerprint or face never leaves the device.
          </p>
          {required ? (
            <p className="notice">
              <strong>This election only accepts ballots from a device with a passkey.</strong> You cannot cast your
              ballot until you add one.
            </p>
          ) : policy === "review-without" ? (
            <p className="notice">
              Ballots cast without a passkey are checked by the election office before they count. With one, your ballot
              counts as soon as it arrives.
            </p>
          ) : (
            <p>It is up to you: you can also vote without one.</p>
          )}
          {support.data ? <SupportProblem support={support.data} /> : null}
          {add.isPending ? (
            <p role="status">
              Follow your device’s prompt: touch the sensor, look at the camera, or enter your screen lock.
            </p>
          ) : null}
          {add.isError ? (
            <p role="alert" className="notice bad">
              {addFailureMessage(add.error)}
            </p>
          ) : null}
          <div className="actions">
            {canTry ? (
              <button type="button" onClick={() => add.mutate()} disabled={add.isPending}>
                {add.isPending ? "Waiting for your passkey…" : "Add a passkey"}
              </button>
            ) : null}
            {required ? null : (
              <button type="button" className="secondary" onClick={() => setSkipped(true)} disabled={add.isPending}>
                {policy === "review-without" ? "Vote without a passkey" : "Not now"}
              </button>
            )}
          </div>
        </section>
      ),
      ballot: !required,
    };
  }
}
