/**
 * Whether a host name or address is this machine's loopback (only local processes reach it):
 * localhost, 127.0.0.0/8, ::1, and 127.x as an IPv4-mapped IPv6 address (::ffff:127.0.0.1, as
 * Java reports an IPv4 loopback socket). 0.0.0.0 and :: are every interface: not loopback.
 */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  return bare === "localhost" || bare === "::1" || bare.startsWith("127.") || bare.startsWith("::ffff:127.");
}
