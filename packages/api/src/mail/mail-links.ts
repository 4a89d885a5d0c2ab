import type { MailLanguage, NotificationKind } from "@landslide/vote-engine";

/** Where the links in a message lead, on the voter site in the message's language ("/ar/elections/…"). */
export function mailLinks(voterWebUrl: string, controlApiUrl: string, language: MailLanguage) {
  const site = `${voterWebUrl.replace(/\/$/, "")}/${language}`;
  return {
    action(kind: NotificationKind, electionId: string): string {
      const election = `${site}/elections/${encodeURIComponent(electionId)}`;
      if (kind === "receipt") return `${site}/receipts`;
      if (kind === "results") return `${election}/results`;
      return election;
    },
    /** The page a person opens from the message: it asks for a deliberate click (mail scanners follow links). */
    unsubscribePage: (token: string) => `${site}/unsubscribe?token=${encodeURIComponent(token)}`,
    /** RFC 8058's one-click address, which mail programs POST to: the control API's own route. */
    oneClick: (token: string) =>
      `${controlApiUrl.replace(/\/$/, "")}/mail/unsubscribe?token=${encodeURIComponent(token)}`,
  };
}
