import type { Ref, TextareaHTMLAttributes } from "react";
import { classNames } from "./class-names";

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  ref?: Ref<HTMLTextAreaElement>;
}

/** A full-width multi-line input (a reason, a note), three lines tall unless told. Put it in a Field. */
export function Textarea({ className, rows = 3, ...rest }: TextareaProps) {
  return <textarea {...rest} rows={rows} className={classNames("ls-input", "ls-textarea", className)} />;
}
