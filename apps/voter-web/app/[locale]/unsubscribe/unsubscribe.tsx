"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { refusalOf } from "@landslide/api/client";
import { useControlApi } from "@landslide/ui/client";
import { Link } from "@landslide/ui/i18n/navigation";
import { refusalMessage } from "../../../lib/refusal-messages";

/** What the page shows: the button (until pressed, and again after a failure worth retrying), or where it ended. */
type UnsubscribeState =
  | { readonly kind: "no-token" }
  | { readonly kind: "ready"; readonly token: string; readonly sending: boolean; readonly failure?: string }
  | { readonly kind: "done"; readonly to: string }
  /** The API refused the link itself: pressing again cannot help. */
  | { readonly kind: "link-invalid"; readonly message: string };

function unsubscribeState(
  token: string | undefined,
  answer: { readonly to: string } | undefined,
  reason: string | undefined,
  failure: string | undefined,
  sending: boolean,
): UnsubscribeState {
  if (token === undefined) return { kind: "no-token" };
  if (answer) return { kind: "done", to: answer.to };
  if (reason === "UNSUBSCRIBE_LINK_INVALID" && failure) return { kind: "link-invalid", message: failure };
  return { kind: "ready", token, sending, ...(failure ? { failure } : {}) };
}

/**
 * Turning off Landslide's e-mail, from the link in one. Nothing happens on opening the page: mail
 * scanners open every link they see, so stopping the mail takes a deliberate press of the button.
 * The outcome is said in a status region, present from the start, and focus moves to it when the
 * button it replaces is gone.
 */
export function Unsubscribe({ token }: { token: string | undefined }) {
  const t = useTranslations();
  const control = useControlApi();
  const stop = useMutation(control.mail.unsubscribe.mutationOptions());
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const refusal = stop.isError ? refusalOf(stop.error) : undefined;
  const failure = stop.isError
    ? refusalMessage(refusal?.reason, refusal ? refusal.message : t("unsubscribe.offline"), t)
    : undefined;

  const state = unsubscribeState(token, stop.data, refusal?.reason, failure, stop.isPending);

  useEffect(() => {
    if (state.kind === "done" || state.kind === "link-invalid") outcomeRef.current?.focus();
  }, [state.kind]);

  return (
    <>
      <h1>{t("unsubscribe.heading")}</h1>
      <div role="status" aria-live="polite">
        {outcome()}
      </div>
      {state.kind === "ready" ? (
        <>
          <p id="unsubscribe-what">{t("unsubscribe.what")}</p>
          {state.failure ? (
            <p role="alert" className="notice bad">
              {state.failure}
            </p>
          ) : null}
          <div className="actions">
            <button
              type="button"
              aria-describedby="unsubscribe-what"
              onClick={() => {
                if (!state.sending) stop.mutate({ token: state.token });
              }}
              aria-disabled={state.sending}
              aria-busy={state.sending}
            >
              {state.sending ? t("unsubscribe.stopping") : t("unsubscribe.stop")}
            </button>
          </div>
        </>
      ) : null}
      <p>
        <Link href="/">{t("unsubscribe.elections")}</Link>
      </p>
    </>
  );

  function outcome() {
    switch (state.kind) {
      case "no-token":
        return <p className="notice bad">{t("unsubscribe.noToken")}</p>;
      case "done":
        return (
          <p ref={outcomeRef} tabIndex={-1} className="notice ok">
            {t.rich("unsubscribe.done", { to: state.to, address: (chunks) => <bdi>{chunks}</bdi> })}
          </p>
        );
      case "link-invalid":
        return (
          <p ref={outcomeRef} tabIndex={-1} className="notice bad">
            {state.message}
          </p>
        );
      case "ready":
        return null;
    }
  }
}
