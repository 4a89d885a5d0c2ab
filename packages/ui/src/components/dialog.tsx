"use client";

import { Dialog as RadixDialog } from "radix-ui";
import type { ReactElement, ReactNode } from "react";
import { useUiText } from "../text/ui-text-context";
import { classNames } from "./class-names";

export interface DialogProps {
  title: ReactNode;
  /** One or two sentences under the title, read when the dialog opens. */
  description?: ReactNode;
  /** The element that opens it (usually a Button); left out when `open` is controlled from outside. */
  trigger?: ReactElement;
  /** The buttons along the bottom; a "Close" ghost button when left out. */
  footer?: ReactNode;
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
  children?: ReactNode;
}

/**
 * A modal dialog (Radix Dialog): focus moves in and stays in, Esc and the close button close it,
 * and focus goes back to the trigger. Wrap a footer button in `DialogClose` to make it close too.
 */
export function Dialog({
  title,
  description,
  trigger,
  footer,
  open,
  defaultOpen,
  onOpenChange,
  className,
  children,
}: DialogProps) {
  const close = useUiText().say("dialogClose");
  return (
    <RadixDialog.Root open={open} defaultOpen={defaultOpen} onOpenChange={onOpenChange}>
      {trigger ? <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger> : null}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ls-dialog-overlay" />
        <RadixDialog.Content
          className={classNames("ls-dialog", className)}
          // Without a description Radix warns unless told there is none on purpose.
          {...(description ? {} : { "aria-describedby": undefined })}
        >
          <div className="ls-dialog-header">
            <RadixDialog.Title className="ls-dialog-title">{title}</RadixDialog.Title>
            <RadixDialog.Close className="ls-dialog-x" aria-label={close}>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="M4 4l8 8M12 4l-8 8" />
              </svg>
            </RadixDialog.Close>
          </div>
          {description ? (
            <RadixDialog.Description className="ls-dialog-description">{description}</RadixDialog.Description>
          ) : null}
          {children ? <div className="ls-dialog-body">{children}</div> : null}
          <div className="ls-dialog-footer">
            {footer ?? (
              <RadixDialog.Close className="ls-button ls-button-secondary ls-button-md">{close}</RadixDialog.Close>
            )}
          </div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Makes its child (a Button) close the dialog it is in, after its own onClick. */
export function DialogClose({ children }: { children: ReactElement }) {
  return <RadixDialog.Close asChild>{children}</RadixDialog.Close>;
}
