import type { VoterRoll } from "../../ports";
import type { RollEntry } from "../../roll/voter-roll";

export class InMemoryVoterRoll implements VoterRoll {
  private readonly entries = new Set<string>();

  async add(electionId: string, entries: readonly RollEntry[]): Promise<void> {
    for (const entry of entries) this.entries.add(`${electionId}\u0000${entry.kind}\u0000${entry.value}`);
  }

  async includesAny(electionId: string, entries: readonly RollEntry[]): Promise<boolean> {
    return entries.some((entry) => this.entries.has(`${electionId}\u0000${entry.kind}\u0000${entry.value}`));
  }
}
