import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Spinner } from "@landslide/ui/components";
import { AuditTrail } from "./audit-trail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("heading") };
}

/** Every official's action, kept with who, when and why; newest first. */
export default async function AuditPage() {
  const t = await getTranslations("audit");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="muted">{t("intro")}</p>
      {/* The filters are read from the address, which needs a Suspense boundary around them. */}
      <Suspense fallback={<Spinner label={t("loading")} />}>
        <AuditTrail />
      </Suspense>
    </>
  );
}
