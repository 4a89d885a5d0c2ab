import { type ReactNode, useId } from "react";
import { classNames } from "./class-names";

export interface CardProps {
  /** The card's heading; the card is then a section named by it. */
  title?: ReactNode;
  /** The heading's level on the page (2 unless told). */
  headingLevel?: 2 | 3 | 4;
  /** Buttons or links beside the title (they go under it at 390 px). */
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** A white panel with an optional heading and actions. Forms and fieldsets inside keep to its padding. */
export function Card({ title, headingLevel = 2, actions, className, children }: CardProps) {
  const id = useId();
  const Heading = `h${headingLevel}` as const;
  const header =
    title || actions ? (
      <div className="ls-card-header">
        {title ? (
          <Heading id={`${id}-title`} className="ls-card-title">
            {title}
          </Heading>
        ) : null}
        {actions ? <div className="ls-card-actions">{actions}</div> : null}
      </div>
    ) : null;
  if (!title) {
    return (
      <div className={classNames("ls-card", className)}>
        {header}
        {children}
      </div>
    );
  }
  return (
    <section className={classNames("ls-card", className)} aria-labelledby={`${id}-title`}>
      {header}
      {children}
    </section>
  );
}
