import { CertificationPanel } from "../certification-panel";

/** Recount every stored vote, compare it with the live tally, and certify behind a confirmation. */
export default function CertificationPage() {
  return <CertificationPanel />;
}
