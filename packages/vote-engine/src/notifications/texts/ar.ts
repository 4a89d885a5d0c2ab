import type { MessageTexts } from "../message-texts";

export const ar: MessageTexts = {
  invitation: (facts, when) => ({
    subject: `أنت مدعو للتصويت: ${facts.electionTitle}`,
    paragraphs: [
      `التصويت في «${facts.electionTitle}» مفتوح، واسمك مدرج في قائمة الناخبين.`,
      facts.closesAt ? `يمكنك التصويت حتى ${when(facts.closesAt)}.` : "يمكنك التصويت إلى أن يغلقه المسؤولون.",
      "سجّل الدخول بعنوان البريد الإلكتروني هذا للإدلاء بصوتك. تصوّت مرة واحدة، وصوتك سرّي.",
    ],
    action: "الانتقال إلى ورقة الاقتراع",
  }),
  reminder: (facts, when) => ({
    subject: `تذكير: صوّت في ${facts.electionTitle}`,
    paragraphs: [
      `التصويت في «${facts.electionTitle}» ما زال مفتوحًا.`,
      facts.closesAt ? `يُغلق في ${when(facts.closesAt)}.` : "يُغلق عندما يغلقه المسؤولون.",
      "إذا صوّتَّ بعد إرسال هذا التذكير، فلا شيء آخر عليك فعله.",
    ],
    action: "الانتقال إلى ورقة الاقتراع",
  }),
  receipt: (facts, when) => ({
    subject: `إيصالك: ${facts.electionTitle}`,
    paragraphs: [
      `تسلّمت الانتخابات صوتك${facts.receipt ? ` في ${when(facts.receipt.castAt)}` : ""}.`,
      "احتفظ بهذا الإيصال: يمكنك به أن تتحقق في أي وقت من أن صوتك قد احتُسب. وهو لا يكشف كيف صوّتّ.",
    ],
    action: "التحقق من إيصالك",
  }),
  results: (facts) => ({
    subject: `اعتُمدت النتائج: ${facts.electionTitle}`,
    paragraphs: [
      `اعتمد المسؤولون نتائج «${facts.electionTitle}».`,
      "يمكنك الاطلاع على النتائج، جولةً بجولة، في صفحة النتائج.",
    ],
    action: "عرض النتائج",
  }),
  footer: "تصلك هذه الرسالة لأن عنوانك مدرج في قائمة الناخبين لانتخابات على Landslide.",
  unsubscribe: "إيقاف رسائل Landslide",
  receiptDocument: "إيصالك (رقم {id}):",
};
