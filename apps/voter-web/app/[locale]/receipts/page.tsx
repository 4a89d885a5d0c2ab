import { CheckReceipt } from "./check-receipt";
import { RECEIPT_ID } from "./receipt-input";

interface CheckReceiptPageProps {
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function CheckReceiptPage({ searchParams }: CheckReceiptPageProps) {
  const { id } = await searchParams;
  const linkedId = typeof id === "string" && RECEIPT_ID.test(id) ? id : undefined;
  // Keyed by the id: arriving with another ?id= is a new check from scratch, not an edit of this one.
  return <CheckReceipt key={linkedId} linkedId={linkedId} />;
}
