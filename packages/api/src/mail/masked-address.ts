/**
 * An address as a page may show it back: enough to recognise one's own ("a•••@example.org"), not
 * enough to read someone else's off a screen.
 */
export function maskedAddress(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${email[0]}•••${email.slice(at)}`;
}
