/**
 * An e-mail address that wraps where a reader expects, before the "@", instead of anywhere
 * ("official@demo.landslide.t" / "est" in a narrow table cell). A part longer than the line
 * still breaks, as a last resort (styles.css).
 */
export function EmailAddress({ value }: { value: string }) {
  const at = value.lastIndexOf("@");
  if (at <= 0) return <span className="ls-email">{value}</span>;
  return (
    <span className="ls-email">
      {value.slice(0, at)}
      <wbr />
      {value.slice(at)}
    </span>
  );
}
