import { CheckReceipt } from "./check-receipt";

export default function CheckReceiptPage() {
  return <CheckReceipt />;
}
