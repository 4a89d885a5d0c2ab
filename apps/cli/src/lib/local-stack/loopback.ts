/** Whether a host name or address is this machine's loopback (only local processes reach it). */
export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
}
