"use client";

import { AlertDialog } from "radix-ui";
import { type FormEvent, type ReactElement, type ReactNode, useId, useState } from "react";
import { Button } from "./button";
import { Input } from "./input";
import { useUiText } from "../text/ui-text-context";

export interface ConfirmDialogProps {
  /** The question: "Void 12 held ballots?" */
  title: ReactNode;
  /** What happens, and whether it can be undone. */
  body?: ReactNode;
  /** The verb on the confirming button: "Void ballots" (never a bare "OK"). */
  confirmLabel: string;
  cancelLabel?: string;
  /** "danger" for what destroys or cannot be undone (a red button); "primary" otherwise. */
  tone?: "primary" | "danger";
  /**
   * Runs on confirm. While its promise is pending the button is busy; when it resolves the dialog
   * closes; when it rejects the dialog stays open and shows the error's message.
   */
  onConfirm: () => void | Promise<void>;
  /** Text the person must type before confirming (an election's name), for the gravest actions. */
  confirmText?: string;
  /** The element that opens it (usually a Button); or control it with `open` / `onOpenChange`. */
  trigger?: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/**
 * "Are you sure?" before an action (Radix AlertDialog): focus starts on Cancel, Esc cancels, a
 * click outside does nothing (so a stray click confirms nothing), and focus goes back to the trigger.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel = "Cancel",
  tone = "danger",
  onConfirm,
  confirmText,
  trigger,
  open: controlledOpen,
  onOpenChange,
}: ConfirmDialogProps) {
  const id = useId();
  const [ownOpen, setOwnOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const open = controlledOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    if (pending) return; // the action is running: its outcome decides
    if (!next) {
      setTyped("");
      setProblem(undefined);
    }
    setOwnOpen(next);
    onOpenChange?.(next);
  };
  const typedOk = confirmText === undefined || typed.trim() === confirmText;

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!typedOk || pending) return;
    setPending(true);
    setProblem(undefined);
    try {
      await onConfirm();
      setPending(false);
      setTyped("");
      setOwnOpen(false);
      onOpenChange?.(false);
    } catch (error) {
      setPending(false);
      setProblem(error instanceof Error ? error.message : "It did not work. Try again.");
    }
  };

  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      {trigger ? <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger> : null}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="ls-dialog-overlay" />
        <AlertDialog.Content className="ls-dialog" {...(body ? {} : { "aria-describedby": undefined })}>
          <form onSubmit={(event) => void confirm(event)}>
            <div className="ls-dialog-header">
              <AlertDialog.Title className="ls-dialog-title">{title}</AlertDialog.Title>
            </div>
            {body ? (
              <AlertDialog.Description asChild>
                <div className="ls-dialog-description">{body}</div>
              </AlertDialog.Description>
            ) : null}
            {confirmText === undefined ? null : (
              <div className="ls-field">
                <label className="ls-label" htmlFor={`${id}-typed`}>
                  <TypedTextLabel text={confirmText} />
                </label>
                <Input
                  id={`${id}-typed`}
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                />
              </div>
            )}
            {problem ? (
              <p role="alert" className="ls-error">
                {problem}
              </p>
            ) : null}
            <div className="ls-dialog-footer">
              <AlertDialog.Cancel asChild>
                <Button variant="secondary" disabled={pending}>
                  {cancelLabel}
                </Button>
              </AlertDialog.Cancel>
              <Button type="submit" variant={tone} loading={pending} disabled={!typedOk || pending}>
                {confirmLabel}
              </Button>
            </div>
          </form>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

// A mark no language's sentence holds, to find where the sentence puts the text set in bold.
const SLOT = "\u0000";

/** "Type <b>City council 2026</b> to confirm", the bold text wherever the language's grammar puts it. */
function TypedTextLabel({ text }: { text: string }) {
  const [before, after = ""] = useUiText().say("confirmTyping", { text: SLOT }).split(SLOT);
  return (
    <>
      {before}
      <strong className="ls-confirm-text">{text}</strong>
      {after}
    </>
  );
}
