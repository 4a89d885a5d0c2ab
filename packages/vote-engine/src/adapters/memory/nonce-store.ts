import type { NonceStore } from "../../ports";

export class InMemoryNonceStore implements NonceStore {
  private readonly used = new Set<string>();

  async useOnce(key: string): Promise<boolean> {
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }
}
