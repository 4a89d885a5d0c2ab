import type { Metadata } from "next";
import { Suspense } from "react";
import { Spinner } from "@landslide/ui/components";
import { AuditTrail } from "./audit-trail";

export const metadata: Metadata = { title: "Audit trail · Landslide Console" };

/** Every official's action, kept with who, when and why; newest first. */
export default function AuditPage() {
  return (
    <>
      <h1>Audit trail</h1>
      <p className="muted">
        Every action an official takes is recorded here with the reason they gave, and so is each group of counted
        ballots the coordination watch holds for review. Nothing here can be edited or deleted.
      </p>
      {/* The filters are read from the address, which needs a Suspense boundary around them. */}
      <Suspense fallback={<Spinner label="Loading the audit trail…" />}>
        <AuditTrail />
      </Suspense>
    </>
  );
}
