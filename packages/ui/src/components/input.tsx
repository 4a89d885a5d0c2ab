import type { InputHTMLAttributes, Ref } from "react";
import { classNames } from "./class-names";

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  ref?: Ref<HTMLInputElement>;
}

/** A full-width text-like input (text, email, number, search, date, datetime-local…). Put it in a Field. */
export function Input({ className, type = "text", ...rest }: InputProps) {
  return <input {...rest} type={type} className={classNames("ls-input", className)} />;
}
