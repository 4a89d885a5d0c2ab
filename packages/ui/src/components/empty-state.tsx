import type { ReactNode } from "react";
import { classNames } from "./class-names";

export interface EmptyStateProps {
  /** What is missing, plainly: "No elections yet". */
  title: ReactNode;
  /** Why, or what will fill it. */
  body?: ReactNode;
  /** The next step: a Button or a link. */
  action?: ReactNode;
  /** The title's heading level (3 unless told); the empty state sits inside a section. */
  headingLevel?: 2 | 3 | 4;
  className?: string;
}

/** In place of a list or table with nothing in it: says so, and what to do next. */
export function EmptyState({ title, body, action, headingLevel = 3, className }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className={classNames("ls-empty", className)}>
      <Heading className="ls-empty-title">{title}</Heading>
      {body ? <div className="ls-empty-body">{body}</div> : null}
      {action ? <div className="ls-empty-action">{action}</div> : null}
    </div>
  );
}
