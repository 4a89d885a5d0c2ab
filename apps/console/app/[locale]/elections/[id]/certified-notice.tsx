"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useControlApi } from "@landslide/ui/client";
import { Alert, DateTime, EmailAddress } from "@landslide/ui/components";
import { Link } from "@landslide/ui/i18n/navigation";

/**
 * A certified result says who certified it, when and why: read from the audit trail, which
 * recorded the act (the election itself keeps only its status).
 */
export function CertifiedNotice({ electionId }: { electionId: string }) {
  const control = useControlApi();
  const t = useTranslations("certified");
  const transitions = useQuery(
    control.official.audit.list.queryOptions({ electionId, action: "election.transition", limit: 50 }),
  );
  const act = transitions.data?.find((record) => record.details.to === "certified");
  const who = act ? <EmailAddress value={act.actor} /> : null;
  const when = act ? <DateTime value={act.at} /> : null;
  return (
    <Alert tone="success" title={t("title")}>
      {act ? t.rich(act.reason ? "byWhy" : "by", { reason: act.reason ?? "", who: () => who, when: () => when }) : null}{" "}
      {t.rich("final", { link: (chunks) => <Link href={`/elections/${electionId}/export`}>{chunks}</Link> })}
    </Alert>
  );
}
