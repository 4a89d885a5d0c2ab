/**
 * What Landslide sends: an invitation when a roll's election opens, reminders an official
 * schedules (only to those who have not voted), a receipt a voter asks for after casting (never
 * the ballot's content), and the result once it is certified.
 */
export const notificationKinds = ["invitation", "reminder", "receipt", "results"] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** What a message says, beside its kind: filled in from the election and the recipient. */
export interface MessageFacts {
  readonly electionTitle: string;
  /** When voting ends, if the election has a set end. */
  readonly closesAt: Date | null;
  /** Where the message's one action leads: the ballot, the receipt check, the results. */
  readonly actionUrl: string;
  /** Opens the page that stops all e-mail to this address (RFC 8058 one-click too). */
  readonly unsubscribeUrl: string;
  /** Receipts only: the receipt as the voter keeps it (no salt: it would open the commitment). */
  readonly receipt?: { readonly receiptId: string; readonly castAt: Date; readonly document: string };
}
