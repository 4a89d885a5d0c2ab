"use client";

import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { countOf } from "@landslide/api/client";
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
          setDone(
            requeued === 0
              ? "There was nothing left to send again."
              : `${countOf(requeued, "message")} back in the queue: ${requeued === 1 ? "it goes" : "they go"} out again shortly.`,
          );
        },
      },
    );

  if (failed === 0 && !done && !retry.isError) return null;
  return (
    <section aria-labelledby={headingId} className={`card ${styles.panel}`}>
      <h3 id={headingId} style={{ marginTop: 0 }}>
        {failed > 0 ? `${countOf(failed, "message")} could not be sent` : "Failed messages"}
      </h3>
      {failed > 0 ? (
        <>
          <p>
            {failed === 1 ? "It was" : "They were"} tried 5 times, or the mail service refused{" "}
            {failed === 1 ? "it" : "them"} for good: the last error of each is in the messages below (choose the status
            “Failed”). Once the cause is mended, send {failed === 1 ? "it" : "them"} again.
          </p>
          {asking ? (
            <>
              <ConfirmWithReason
                id={formId}
                reasonLabel="Why send them again?"
                confirmLabel={`Send ${countOf(failed, "message")} again`}
                pending={retry.isPending}
                autoFocus
                onConfirm={confirm}
              />
              <Button variant="ghost" onClick={() => setAsking(false)} disabled={retry.isPending}>
                Not now
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
              Send failed messages again
            </Button>
          )}
        </>
      ) : null}
      <ActionOutcome
        error={retry.isError ? retry.error : undefined}
        unanswered="The control API did not answer; the messages may not be queued again. Try again in a moment."
        done={done}
      />
    </section>
  );
}
