import type { MessageTexts } from "../message-texts";

export const de: MessageTexts = {
  invitation: (facts, when) => ({
    subject: `Sie sind zur Wahl eingeladen: ${facts.electionTitle}`,
    paragraphs: [
      `Die Abstimmung „${facts.electionTitle}“ ist geöffnet, und Sie stehen im Wählerverzeichnis.`,
      facts.closesAt
        ? `Sie können bis ${when(facts.closesAt)} abstimmen.`
        : "Sie können abstimmen, bis die Verantwortlichen die Abstimmung schließen.",
      "Melden Sie sich mit dieser E-Mail-Adresse an, um Ihre Stimme abzugeben. Sie stimmen einmal ab; Ihre Stimme ist geheim.",
    ],
    action: "Zum Stimmzettel",
  }),
  reminder: (facts, when) => ({
    subject: `Erinnerung: Stimmen Sie ab – ${facts.electionTitle}`,
    paragraphs: [
      `Die Abstimmung „${facts.electionTitle}“ ist noch geöffnet.`,
      facts.closesAt ? `Sie endet am ${when(facts.closesAt)}.` : "Sie endet, wenn die Verantwortlichen sie schließen.",
      "Wenn Sie seit dem Versand dieser Erinnerung abgestimmt haben, ist nichts weiter zu tun.",
    ],
    action: "Zum Stimmzettel",
  }),
  receipt: (facts, when) => ({
    subject: `Ihre Quittung: ${facts.electionTitle}`,
    paragraphs: [
      `Ihre Stimme ist eingegangen${facts.receipt ? ` (${when(facts.receipt.castAt)})` : ""}.`,
      "Bewahren Sie diese Quittung auf: Damit können Sie jederzeit prüfen, dass Ihre Stimme gezählt wurde. Sie verrät nicht, wie Sie abgestimmt haben.",
    ],
    action: "Quittung prüfen",
  }),
  results: (facts) => ({
    subject: `Ergebnis beglaubigt: ${facts.electionTitle}`,
    paragraphs: [
      `Die Verantwortlichen haben das Ergebnis von „${facts.electionTitle}“ beglaubigt.`,
      "Das Ergebnis, Runde für Runde, finden Sie auf der Ergebnisseite.",
    ],
    action: "Ergebnis ansehen",
  }),
  footer: "Sie erhalten diese Nachricht, weil Ihre Adresse im Wählerverzeichnis einer Abstimmung bei Landslide steht.",
  unsubscribe: "Keine E-Mails mehr von Landslide",
  receiptDocument: "Ihre Quittung (Nummer {id}):",
};
