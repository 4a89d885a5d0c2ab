"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { refusalOf } from "@landslide/api/client";
import { useControlApi } from "@landslide/ui/client";
import { Link, useRouter } from "@landslide/ui/i18n/navigation";
import { useElectionChanged } from "../[id]/official-election";
import { ElectionForm } from "../election-form";
import { emptyDraft, type ElectionFields } from "../form/draft";

/** A new election, created as a draft; its schedule and opening are set on its page afterwards. */
export default function NewElectionPage() {
  const control = useControlApi();
  const t = useTranslations("newElection");
  const router = useRouter();
  const electionChanged = useElectionChanged();
  // The id is chosen here, once, so that saving again after an unanswered request cannot create
  // a second election: the API refuses the same id with ELECTION_EXISTS instead.
  const [electionId] = useState(newElectionId);
  const locale = useLocale();
  // Officials write the ballot in the language they work in, until they say otherwise.
  const [initial] = useState(() => emptyDraft(locale));

  /** ELECTION_EXISTS for our own id: an earlier attempt did create it, only its answer was lost. */
  const createdEarlier = (error: unknown) => electionId !== undefined && refusalOf(error)?.reason === "ELECTION_EXISTS";
  const openElection = async (id: string) => {
    await electionChanged(id);
    router.push(`/elections/${id}`);
  };

  const create = useMutation(
    control.official.elections.create.mutationOptions({
      onSuccess: (created) => openElection(created.id),
      onError: (error) => (createdEarlier(error) && electionId ? openElection(electionId) : undefined),
    }),
  );
  const send = (election: ElectionFields, reason: string) =>
    create.mutate({ election: { ...election, ...(electionId ? { id: electionId } : {}) }, reason });
  const leaving = create.isSuccess || createdEarlier(create.error);

  return (
    <>
      <p>
        <Link href="/">{t("back")}</Link>
      </p>
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <ElectionForm
        initial={initial}
        submitLabel={t("submit")}
        onSubmit={send}
        pending={create.isPending || leaving}
        error={leaving ? null : create.error}
      />
    </>
  );
}

/** Undefined where the browser withholds randomUUID (a page not served over HTTPS): the API then picks the id. */
function newElectionId(): string | undefined {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : undefined;
}
