import type { MessageTexts } from "../message-texts";

export const en: MessageTexts = {
  invitation: (facts, when) => ({
    subject: `You are invited to vote: ${facts.electionTitle}`,
    paragraphs: [
      `Voting is open in “${facts.electionTitle}”, and you are on its list of voters.`,
      facts.closesAt ? `You can vote until ${when(facts.closesAt)}.` : "You can vote until the officials close it.",
      "Sign in with this e-mail address to cast your ballot. You vote once; your ballot is secret.",
    ],
    action: "Go to the ballot",
  }),
  reminder: (facts, when) => ({
    subject: `Reminder: vote in ${facts.electionTitle}`,
    paragraphs: [
      `Voting in “${facts.electionTitle}” is still open.`,
      facts.closesAt ? `It closes at ${when(facts.closesAt)}.` : "It closes when the officials close it.",
      "If you have voted since this reminder was sent, there is nothing more to do.",
    ],
    action: "Go to the ballot",
  }),
  receipt: (facts, when) => ({
    subject: `Your receipt: ${facts.electionTitle}`,
    paragraphs: [
      `The election received your ballot${facts.receipt ? ` at ${when(facts.receipt.castAt)}` : ""}.`,
      "Keep this receipt: with it you can check at any time that your ballot was counted. It does not say how you voted.",
    ],
    action: "Check your receipt",
  }),
  results: (facts) => ({
    subject: `Results certified: ${facts.electionTitle}`,
    paragraphs: [
      `The officials have certified the results of “${facts.electionTitle}”.`,
      "You can see the results, round by round, on the results page.",
    ],
    action: "See the results",
  }),
  footer: "You receive this because your address is on an election's list of voters at Landslide.",
  unsubscribe: "Stop e-mails from Landslide",
  receiptDocument: "Your receipt (receipt number {id}):",
};
