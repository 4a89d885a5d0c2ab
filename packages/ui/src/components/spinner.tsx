import { classNames } from "./class-names";

/**
 * A small turning ring. With a label it is a status ("Loading results…") read by screen readers;
 * without one it is decoration next to text that already says what is happening (a busy button).
 */
export function Spinner({ label, className }: { label?: string; className?: string }) {
  if (!label) return <span className={classNames("ls-spinner", className)} aria-hidden="true" />;
  return (
    <span role="status" className={classNames("ls-spinner-with-label", className)}>
      <span className="ls-spinner" aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}
