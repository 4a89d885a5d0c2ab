"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useControlApi } from "@landslide/ui/client";
import { Button } from "@landslide/ui/components";
import { ConfirmWithReason } from "../reason-form";
import { ActionOutcome } from "./action-outcome";
import { useMailChanged } from "./use-mail-changed";
import styles from "./mail.module.css";

/**
 * The dead letters (messages that failed every try, or that the mail service refused for good):
 * how many, and "Send failed messages again", which asks why first. Stays on the page after
 * sending them again, to say how many went back in the queue.
 */
export function RetryFailed({ electionId, failed }: { electionId: string; failed: number }) {
  const control = useControlApi();
  const t = useTranslations("mail.retry");
  const mailChanged = useMailChanged();
  const retry = useMutation(control.official.notifications.retryFailed.mutationOptions({ onSettled: mailChanged }));
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<string>();
  const formId = useId();
  const headingId = useId();

  const confirm = (reason: string) =>
    retry.mutate(
      { electionId, reason },
      {
        onSuccess: ({ requeued }) => {
          setAsking(false);
          setDone(requeued === 0 ? t("nothingLeft") : t("requeued", { count: requeued }));
        },
      },
    );

  if (failed === 0 && !done && !retry.isError) return null;
  return (
    <section aria-labelledby={headingId} className={`card ${styles.panel}`}>
      <h3 id={headingId} style={{ marginTop: 0 }}>
        {failed > 0 ? t("heading", { count: failed }) : t("headingNone")}
      </h3>
      {failed > 0 ? (
        <>
          <p>{t("explain", { count: failed })}</p>
          {asking ? (
            <>
              <ConfirmWithReason
                id={formId}
                reasonLabel={t("why")}
                confirmLabel={t("confirm", { count: failed })}
                pending={retry.isPending}
                autoFocus
                onConfirm={confirm}
              />
              <Button variant="ghost" onClick={() => setAsking(false)} disabled={retry.isPending}>
                {t("notNow")}
              </Button>
            </>
          ) : (
            <Button
              variant="secondary"
              onClick={() => {
                retry.reset();
                setDone(undefined);
                setAsking(true);
              }}
            >
              {t("start")}
            </Button>
          )}
        </>
      ) : null}
      <ActionOutcome error={retry.isError ? retry.error : undefined} unanswered={t("unanswered")} done={done} />
    </section>
  );
}
