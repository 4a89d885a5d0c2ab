/**
 * Whether voters can vote right now, as far as this site can tell: the vote API answers its
 * readiness check. Voters are told only when it does not (in words, on the home page); which
 * service, which address, how slow, is for the operators' console, not for the public.
 */
export async function votingAvailable(voteApiUrl: string, timeoutMs = 1500): Promise<boolean> {
  try {
    const response = await fetch(`${voteApiUrl}/readyz`, { cache: "no-store", signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}
