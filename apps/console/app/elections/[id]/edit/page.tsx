"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useParams, useRouter } from "next/navigation";
import { useState } from "react";
import { refusalOf } from "@landslide/api/client";
import { useControlApi } from "@landslide/ui/client";
import { ElectionForm } from "../../election-form";
import { draftOf, type ElectionFields } from "../../form/draft";
import { RefusalNotice } from "../../form/refusal-notice";
import { type OfficialElection, useElectionChanged, useOfficialElection } from "../official-election";

/** Edits a draft or scheduled election's definition; once voting can start, explains why it cannot. */
export default function EditElectionPage() {
  const { id } = useParams<{ id: string }>();
  const { data: election, isPending, error } = useOfficialElection(id);
  return (
    <>
      <p>
        <Link href={`/elections/${id}`}>← Election</Link>
      </p>
      <h1>Edit {election ? `“${election.title}”` : "election"}</h1>
      {isPending ? <p role="status">Loading the election…</p> : null}
      {error ? (
        <RefusalNotice
          error={error}
          unanswered="The control API does not answer; the election cannot be loaded right now."
        />
      ) : null}
      {!isPending && !error && !election ? (
        <p className="notice">There is no election with this id. It may have been mistyped in the address.</p>
      ) : null}
      {election && !questionsCanChange(election) ? <FrozenNotice election={election} /> : null}
      {election && questionsCanChange(election) ? <EditForm key={election.id} election={election} /> : null}
    </>
  );
}

/**
 * Questions are frozen once voting can start, so that every ballot keeps the meaning it had when
 * cast. This looks at the status voters see now: a scheduled election whose opening time has
 * passed is open, though still stored as scheduled.
 */
function questionsCanChange(election: OfficialElection): boolean {
  return election.status === "draft" || election.status === "scheduled";
}

function FrozenNotice({ election }: { election: OfficialElection }) {
  return (
    <div className="notice">
      <p style={{ marginTop: 0 }}>
        This election is <strong>{election.status}</strong>, so it can no longer be edited: its questions are frozen
        once voting can start, so that every ballot keeps the meaning it had when it was cast.
      </p>
      <p style={{ marginBottom: 0 }}>
        Its status, schedule and results are on <Link href={`/elections/${election.id}`}>the election’s page</Link>.
      </p>
    </div>
  );
}

function EditForm({ election }: { election: OfficialElection }) {
  const control = useControlApi();
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
    // again, which turns this page into the "frozen" notice.
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
      submitLabel="Save the changes"
      onSubmit={save}
      pending={update.isPending || update.isSuccess}
      error={update.error}
    />
  );
}
