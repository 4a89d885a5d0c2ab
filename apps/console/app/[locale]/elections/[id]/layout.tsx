import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { ElectionShell } from "./election-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("electionShell");
  return { title: t("heading") };
}

/**
 * Every sub-page of one election (overview, ballot, roll, mail, results, fraud review, certification,
 * export) sits in this layout: it stays mounted while officials move between the tabs, so the live
 * feed and the latest recount are kept, and the tabs are soft navigations that keep the session.
 */
export default async function ElectionLayout({
  params,
  children,
}: {
  params: Promise<{ id: string }>;
  children: ReactNode;
}) {
  const { id } = await params;
  return <ElectionShell electionId={id}>{children}</ElectionShell>;
}
