"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import type { RouterOutputs } from "@landslide/api/client";
import { useVoteApi } from "@landslide/ui/client";
import { DateTime } from "@landslide/ui/components";
import { Link } from "@landslide/ui/i18n/navigation";
import type { ShownElection } from "../../lib/election-content";
import { useShownElections } from "../../lib/use-shown-election";

type Election = ShownElection<RouterOutputs["elections"]["list"][number]>;
type Translate = ReturnType<typeof useTranslations<"elections">>;

/** The line under an election's title: how many questions, and what is next for it (each keyed by what it says). */
function facts(e: Election, t: Translate): [string, ReactNode][] {
  // A date as the voter reads it, in their own time zone and language, and as machines read it in `dateTime`.
  const when = (date: Date | string) => () => <DateTime value={date} />;
  const said: [string, ReactNode][] = [["questions", t("questions", { count: e.questions.length })]];
  if (e.status === "paused") said.push(["paused", t("paused")]);
  if (e.status === "scheduled" && e.opensAt) said.push(["opens", t.rich("opens", { when: when(e.opensAt) })]);
  if ((e.status === "open" || e.status === "paused") && e.closesAt)
    said.push(["closes", t.rich("closes", { when: when(e.closesAt) })]);
  return said;
}

/** Every public election, grouped as voters think of them: open now, coming up, and closed. */
export function ElectionsList() {
  const t = useTranslations("elections");
  const vote = useVoteApi();
  // In the page's language where the officials translated them (lib/election-content.ts).
  const elections = useQuery(vote.elections.list.queryOptions(undefined, { select: useShownElections() }));
  if (elections.isPending) return <p role="status">{t("loading")}</p>;
  if (elections.isError)
    return (
      <p className="notice" role="status">
        {t("unavailable")}
      </p>
    );
  const open = elections.data.filter((e) => e.status === "open" || e.status === "paused");
  const upcoming = elections.data.filter((e) => e.status === "scheduled");
  const closed = elections.data.filter((e) => e.status === "closed" || e.status === "certified");
  return (
    <>
      <Group id="open" group="open" elections={open} t={t} />
      <Group id="upcoming" group="upcoming" elections={upcoming} t={t} />
      <Group id="closed" group="closed" elections={closed} t={t} />
    </>
  );
}

function Group({
  id,
  group,
  elections,
  t,
}: {
  id: string;
  group: "open" | "upcoming" | "closed";
  elections: Election[];
  t: Translate;
}) {
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t(`${group}.title`)}</h2>
      {elections.length === 0 ? (
        <p>{t(`${group}.empty`)}</p>
      ) : (
        <ul aria-label={t(`${group}.label`)} style={{ listStyle: "none", padding: 0 }}>
          {elections.map((e) => (
            <li key={e.id} className="card">
              <h3>
                <bdi lang={e.titleLang}>{e.title}</bdi>
              </h3>
              {e.description ? (
                <p>
                  <bdi lang={e.descriptionLang}>{e.description}</bdi>
                </p>
              ) : null}
              <p className="muted">
                {facts(e, t).map(([key, fact], i) => (
                  <Fragment key={key}>
                    {i > 0 ? " · " : null}
                    {fact}
                  </Fragment>
                ))}
              </p>
              <p>
                {e.status === "open" ? (
                  <>
                    <Link href={`/elections/${e.id}`}>{t("vote", { title: e.title })}</Link> ·{" "}
                  </>
                ) : null}
                <Link href={`/elections/${e.id}/results`}>
                  {e.status === "closed" || e.status === "certified" ? t("results") : t("liveResults")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
