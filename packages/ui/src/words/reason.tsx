import type { ReactNode } from "react";
import type { Words } from "@landslide/api/client";

export interface ReasonProps {
  /** The stable code the API sent ("ALREADY_VOTED", "election.create"). */
  readonly code: string;
  /** The vocabulary it belongs to, from @landslide/api/client (refusalWords, auditActionWords, …). */
  readonly words: (code: string) => Words;
  /** Said in place of the vocabulary's label: a page's own sentence for this code. */
  readonly children?: ReactNode;
  /** The help sentence under the label ("block"), or none where space is short (a table cell). */
  readonly help?: "block" | "none";
  /** The code's tooltip, in the site's language (English unless given). */
  readonly codeTitle?: string;
}

/**
 * A code as a person reads it: the label in words first, then the raw code small and muted for
 * experts and for quoting to support, then the help sentence where it helps. The code is in a
 * `<code>` of its own so it can be selected and copied alone, and its title says what it is for.
 */
export function Reason({
  code,
  words,
  children,
  help = "block",
  codeTitle = "The code, for experts and for quoting to support",
}: ReasonProps) {
  const said = words(code);
  return (
    <span className="reason">
      {children ?? said.label}{" "}
      <code className="muted" title={codeTitle}>
        {code}
      </code>
      {help === "block" && said.help && children === undefined ? (
        <span className="muted" style={{ display: "block" }}>
          {said.help}
        </span>
      ) : null}
    </span>
  );
}
