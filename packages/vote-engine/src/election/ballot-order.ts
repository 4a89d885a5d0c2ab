/** Per question id, its option ids in the order one voter's ballot lists them (option-order.ts). */
export type BallotOrder = Readonly<Record<string, readonly string[]>>;

/**
 * The lines a receipt's signature covers for the order its ballot was shown in: one per question,
 * in question-id order so that a receipt read back from JSON signs the same text whatever order its
 * keys come in. Apart from option-order.ts, which needs zod: browsers verify receipts with this.
 */
export function ballotOrderLines(order: BallotOrder | undefined): string[] {
  if (order === undefined) return [];
  return Object.keys(order)
    .sort()
    .map((questionId) => `order ${questionId} ${order[questionId]!.join(",")}`);
}
