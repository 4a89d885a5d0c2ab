/** One finding of `election doctor`: what was checked, how it stands, and what to run when it is not fine. */
export interface Check {
  readonly name: string;
  /** "warn": not a broken machine (nothing running, not signed in), only something to know. */
  readonly status: "ok" | "warn" | "fail";
  /** One line: what was found. */
  readonly detail: string;
  /** One line: exactly what to run or install. Only when the status is not ok. */
  readonly fix?: string;
}

export const ok = (name: string, detail: string): Check => ({ name, status: "ok", detail });
export const warn = (name: string, detail: string, fix: string): Check => ({ name, status: "warn", detail, fix });
export const fail = (name: string, detail: string, fix: string): Check => ({ name, status: "fail", detail, fix });
