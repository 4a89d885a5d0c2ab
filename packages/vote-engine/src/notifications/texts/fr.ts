import type { MessageTexts } from "../message-texts";

export const fr: MessageTexts = {
  invitation: (facts, when) => ({
    subject: `Vous êtes invité à voter : ${facts.electionTitle}`,
    paragraphs: [
      `Le vote « ${facts.electionTitle} » est ouvert et vous figurez sur sa liste électorale.`,
      facts.closesAt
        ? `Vous pouvez voter jusqu’au ${when(facts.closesAt)}.`
        : "Vous pouvez voter jusqu’à ce que les responsables le clôturent.",
      "Connectez-vous avec cette adresse e-mail pour voter. Vous votez une seule fois ; votre vote est secret.",
    ],
    action: "Aller au bulletin",
  }),
  reminder: (facts, when) => ({
    subject: `Rappel : votez pour ${facts.electionTitle}`,
    paragraphs: [
      `Le vote « ${facts.electionTitle} » est toujours ouvert.`,
      facts.closesAt
        ? `Il se termine le ${when(facts.closesAt)}.`
        : "Il se termine quand les responsables le clôturent.",
      "Si vous avez voté depuis l’envoi de ce rappel, vous n’avez plus rien à faire.",
    ],
    action: "Aller au bulletin",
  }),
  receipt: (facts, when) => ({
    subject: `Votre reçu : ${facts.electionTitle}`,
    paragraphs: [
      `Le scrutin a bien reçu votre bulletin${facts.receipt ? ` le ${when(facts.receipt.castAt)}` : ""}.`,
      "Conservez ce reçu : il vous permet de vérifier à tout moment que votre bulletin a été compté. Il ne dit pas comment vous avez voté.",
    ],
    action: "Vérifier votre reçu",
  }),
  results: (facts) => ({
    subject: `Résultats certifiés : ${facts.electionTitle}`,
    paragraphs: [
      `Les responsables ont certifié les résultats de « ${facts.electionTitle} ».`,
      "Vous pouvez consulter les résultats, tour par tour, sur la page des résultats.",
    ],
    action: "Voir les résultats",
  }),
  footer: "Vous recevez ce message parce que votre adresse figure sur la liste électorale d’un scrutin sur Landslide.",
  unsubscribe: "Ne plus recevoir d’e-mails de Landslide",
  receiptDocument: "Votre reçu (numéro {id}) :",
};
