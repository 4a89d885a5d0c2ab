"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { refusalOf } from "@landslide/api/client";
import { useControlApi } from "@landslide/ui/client";
import { Alert } from "@landslide/ui/components";
import { useRouter } from "@landslide/ui/i18n/navigation";
import { BallotPreview } from "../../ballot-preview";
import { ElectionForm } from "../../election-form";
import { draftOf, type ElectionFields } from "../../form/draft";
import { useElection } from "../election-context";
import { ballotEditable } from "../election-tabs";
import { type OfficialElection, useElectionChanged } from "../official-election";

/** The ballot: built step by step while the election is a draft or scheduled, shown as voters see it afterwards. */
export default function BallotPage() {
  const { election } = useElection();
  // Questions are frozen once voting can start, so that every ballot keeps the meaning it had when
  // cast. The status voters see now decides: a scheduled election past its opening time is open.
  if (!ballotEditable(election.status)) return <FrozenBallot election={election} />;
  return <EditForm key={election.id} election={election} />;
}

function FrozenBallot({ election }: { election: OfficialElection }) {
  const t = useTranslations("ballotTab");
  return (
    <>
      <Alert tone="info" title={t("frozenTitle")}>
        {t("frozen", { status: election.status })}
      </Alert>
      <BallotPreview draft={draftOf(election)} heading={t("asVotersSaw")} />
    </>
  );
}

function EditForm({ election }: { election: OfficialElection }) {
  const control = useControlApi();
  const t = useTranslations("ballotTab");
  const router = useRouter();
  const electionChanged = useElectionChanged();
  const changed = () => electionChanged(election.id);
  const [initial] = useState(() => draftOf(election));

  const update = useMutation(
    control.official.elections.update.mutationOptions({
      onSuccess: async () => {
        await changed();
        router.push(`/elections/${election.id}`);
      },
      onError: (error) => {
        // Someone else moved the election on: read it again, so the page shows where it stands now.
        const reason = refusalOf(error)?.reason;
        if (reason === "QUESTIONS_LOCKED" || reason === "ELECTION_CHANGED") void changed();
      },
    }),
  );

  const save = (fields: ElectionFields, reason: string) => {
    // The API still takes edits of a scheduled election whose opening time has passed (it checks the
    // stored status); voters may already be voting, so the console refuses and reads the election
    // again, which turns this tab into the frozen ballot.
    if (election.opensAt !== null && Date.parse(election.opensAt) <= Date.now()) {
      void changed();
      return;
    }
    // `update` replaces the whole definition, and a schedule left out becomes "none": send it as it is.
    update.mutate({
      electionId: election.id,
      election: { ...fields, opensAt: election.opensAt, closesAt: election.closesAt },
      reason,
    });
  };

  return (
    <ElectionForm
      initial={initial}
      submitLabel={t("save")}
      onSubmit={save}
      pending={update.isPending || update.isSuccess}
      error={update.error}
    />
  );
}
