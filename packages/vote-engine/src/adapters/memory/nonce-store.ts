import type { NonceStore } from "../../ports";

export class InMemoryNonceStore implements NonceStore {
  private readonly used = new Map<string, string>();

  async useOnce(key: string): Promise<boolean> {
    return (await this.claim(key, new Date(), "")).claimed;
  }

  async claim(
    key: string,
    _expiresAt: Date,
    holder: string,
  ): Promise<{ claimed: true } | { claimed: false; holder: string | undefined }> {
    if (this.used.has(key)) return { claimed: false, holder: this.used.get(key) || undefined };
    this.used.set(key, holder);
    return { claimed: true };
  }
}
