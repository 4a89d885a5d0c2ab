"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useControlApi } from "@landslide/ui/client";
import { Alert, DateTime, EmailAddress } from "@landslide/ui/components";

/**
 * A certified result says who certified it, when and why: read from the audit trail, which
 * recorded the act (the election itself keeps only its status).
 */
export function CertifiedNotice({ electionId }: { electionId: string }) {
  const control = useControlApi();
  const transitions = useQuery(
    control.official.audit.list.queryOptions({ electionId, action: "election.transition", limit: 50 }),
  );
  const act = transitions.data?.find((record) => record.details.to === "certified");
  return (
    <Alert tone="success" title="This result is certified.">
      {act ? (
        <>
          Certified by <EmailAddress value={act.actor} /> on <DateTime value={act.at} />
          {act.reason ? <>, because “{act.reason}”</> : null}.{" "}
        </>
      ) : null}
      It is final: nothing can change it. The files are on the{" "}
      <Link href={`/elections/${electionId}/export`}>Export</Link> tab.
    </Alert>
  );
}
