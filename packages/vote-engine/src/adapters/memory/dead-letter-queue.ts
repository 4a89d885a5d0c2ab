import type { Clock, DeadLetter, DeadLetterQueue, QueuedDeadLetter } from "../../ports";
import { systemClock } from "../../ports";

interface Message {
  readonly id: string;
  readonly letter: DeadLetter;
  /** Hidden until then (epoch ms) after a receive; 0 when visible. */
  hiddenUntil: number;
  /** The handle of its latest receive: an older one no longer deletes it, as in SQS. */
  receipt: string | undefined;
}

/** SQS's at-least-once queue in memory, hiding received messages for a time, for tests of pure logic. */
export class InMemoryDeadLetterQueue implements DeadLetterQueue {
  private readonly messages: Message[] = [];
  private sent = 0;
  private receives = 0;

  constructor(private readonly clock: Clock = systemClock) {}

  async send(letters: readonly DeadLetter[]): Promise<void> {
    for (const letter of letters)
      this.messages.push({ id: `message-${++this.sent}`, letter, hiddenUntil: 0, receipt: undefined });
  }

  async receive({ hideSeconds }: { readonly hideSeconds: number }): Promise<QueuedDeadLetter[]> {
    const now = this.clock.now().getTime();
    return this.messages
      .filter((m) => m.hiddenUntil <= now)
      .slice(0, 10)
      .map((message) => {
        message.hiddenUntil = now + hideSeconds * 1000;
        message.receipt = `receipt-${++this.receives}`;
        return { letter: message.letter, id: message.id, receipt: message.receipt };
      });
  }

  async release(receipts: readonly string[]): Promise<void> {
    for (const message of this.messages)
      if (message.receipt && receipts.includes(message.receipt)) message.hiddenUntil = 0;
  }

  async delete(receipts: readonly string[]): Promise<void> {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const receipt = this.messages[i]!.receipt;
      if (receipt && receipts.includes(receipt)) this.messages.splice(i, 1);
    }
  }

  /** Every letter still in the queue, visible or not. */
  get letters(): DeadLetter[] {
    return this.messages.map((m) => m.letter);
  }
}
