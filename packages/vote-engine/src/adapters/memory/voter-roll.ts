import type { VoterRoll } from "../../ports";
import type { RollEntry } from "../../roll/voter-roll";

export class InMemoryVoterRoll implements VoterRoll {
  private readonly entries = new Set<string>();
  private readonly sizes = new Map<string, number>();

  async add(electionId: string, entries: readonly RollEntry[]): Promise<number> {
    let added = 0;
    for (const entry of entries) {
      const key = `${electionId}\u0000${entry.kind}\u0000${entry.value}`;
      if (this.entries.has(key)) continue;
      this.entries.add(key);
      added++;
    }
    this.sizes.set(electionId, (this.sizes.get(electionId) ?? 0) + added);
    return added;
  }

  async includesAny(electionId: string, entries: readonly RollEntry[]): Promise<boolean> {
    return entries.some((entry) => this.entries.has(`${electionId}\u0000${entry.kind}\u0000${entry.value}`));
  }

  async size(electionId: string): Promise<number> {
    return this.sizes.get(electionId) ?? 0;
  }
}
