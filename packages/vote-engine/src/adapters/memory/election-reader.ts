import type { Election } from "../../election/definition";
import type { ElectionReader } from "../../ports";

export class InMemoryElections implements ElectionReader {
  private readonly elections = new Map<string, Election>();

  constructor(elections: readonly Election[] = []) {
    for (const election of elections) this.put(election);
  }

  put(election: Election): void {
    this.elections.set(election.id, election);
  }

  async get(electionId: string): Promise<Election | undefined> {
    return this.elections.get(electionId);
  }
}
