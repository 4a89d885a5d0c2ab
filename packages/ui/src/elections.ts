export interface ElectionSummary {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly status: string;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly questions: ReadonlyArray<{ readonly id: string; readonly kind: string; readonly prompt: string }>;
}

export type ElectionsResult = { readonly ok: true; readonly elections: ElectionSummary[] } | { readonly ok: false };

/** The elections as the control API lists them; never throws, so a page can say "unavailable". */
export async function getElections(controlApiUrl: string, timeoutMs = 1500): Promise<ElectionsResult> {
  try {
    const response = await fetch(`${controlApiUrl}/v1/elections`, {
      cache: "no-store",
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return { ok: false };
    const body = (await response.json()) as { elections?: ElectionSummary[] };
    return { ok: true, elections: body.elections ?? [] };
  } catch {
    return { ok: false };
  }
}
