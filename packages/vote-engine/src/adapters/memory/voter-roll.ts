import type { VoterRoll } from "../../ports";
import type { MailLanguage } from "../../notifications/languages";
import { type RollEntry, type RollRecipient, rollKey } from "../../roll/voter-roll";

export class InMemoryVoterRoll implements VoterRoll {
  private readonly entries = new Map<string, number>();
  private readonly languages = new Map<string, MailLanguage | undefined>();
  private readonly sizes = new Map<string, number>();

  async add(electionId: string, entries: readonly RollEntry[]): Promise<number> {
    let added = 0;
    for (const entry of entries) {
      const key = `${electionId}\u0000${entry.kind}\u0000${entry.value}`;
      if (this.entries.has(key)) continue;
      this.entries.set(key, entry.weight ?? 1);
      this.languages.set(key, entry.language);
      added++;
    }
    this.sizes.set(electionId, (this.sizes.get(electionId) ?? 0) + added);
    return added;
  }

  async weightOf(electionId: string, entries: readonly RollEntry[]): Promise<number | undefined> {
    const weights = entries.flatMap(
      (entry) => this.entries.get(`${electionId}\u0000${entry.kind}\u0000${entry.value}`) ?? [],
    );
    return weights.length > 0 ? Math.max(...weights) : undefined;
  }

  async weightsOf(electionId: string, entries: readonly RollEntry[]): Promise<ReadonlyMap<string, number>> {
    return new Map(
      entries.flatMap((entry) => {
        const weight = this.entries.get(`${electionId}\u0000${entry.kind}\u0000${entry.value}`);
        return weight === undefined ? [] : [[rollKey(entry), weight] as const];
      }),
    );
  }

  async *recipients(electionId: string): AsyncIterable<readonly RollRecipient[]> {
    const prefix = `${electionId}\u0000email\u0000`;
    const page = [...this.entries.keys()]
      .filter((key) => key.startsWith(prefix))
      .map((key) => ({ email: key.slice(prefix.length), language: this.languages.get(key) }));
    if (page.length > 0) yield page;
  }

  async size(electionId: string): Promise<number> {
    return this.sizes.get(electionId) ?? 0;
  }
}
