import type { MessageTexts } from "../message-texts";

export const es: MessageTexts = {
  invitation: (facts, when) => ({
    subject: `Está invitado a votar: ${facts.electionTitle}`,
    paragraphs: [
      `La votación de «${facts.electionTitle}» está abierta y usted figura en su lista de votantes.`,
      facts.closesAt
        ? `Puede votar hasta el ${when(facts.closesAt)}.`
        : "Puede votar hasta que los responsables la cierren.",
      "Inicie sesión con esta dirección de correo para emitir su voto. Se vota una sola vez y el voto es secreto.",
    ],
    action: "Ir a la papeleta",
  }),
  reminder: (facts, when) => ({
    subject: `Recordatorio: vote en ${facts.electionTitle}`,
    paragraphs: [
      `La votación de «${facts.electionTitle}» sigue abierta.`,
      facts.closesAt ? `Cierra el ${when(facts.closesAt)}.` : "Cierra cuando los responsables la cierren.",
      "Si ya votó después de que se enviara este recordatorio, no tiene que hacer nada más.",
    ],
    action: "Ir a la papeleta",
  }),
  receipt: (facts, when) => ({
    subject: `Su comprobante: ${facts.electionTitle}`,
    paragraphs: [
      `La elección recibió su voto${facts.receipt ? ` el ${when(facts.receipt.castAt)}` : ""}.`,
      "Guarde este comprobante: con él puede comprobar en cualquier momento que su voto se contó. No dice cómo votó.",
    ],
    action: "Comprobar el comprobante",
  }),
  results: (facts) => ({
    subject: `Resultados certificados: ${facts.electionTitle}`,
    paragraphs: [
      `Los responsables han certificado los resultados de «${facts.electionTitle}».`,
      "Puede ver los resultados, ronda por ronda, en la página de resultados.",
    ],
    action: "Ver los resultados",
  }),
  footer: "Recibe este mensaje porque su dirección figura en la lista de votantes de una elección en Landslide.",
  unsubscribe: "Dejar de recibir correos de Landslide",
  receiptDocument: "Su comprobante (número {id}):",
};
