import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  buildResultsSnapshot,
  checkTieRule,
  checkTranslations,
  compareWithLiveTally,
  type Election,
  effectiveStatus,
  electionStatuses,
  keptTranslations,
  replaceQuestions,
  transition,
} from "@landslide/vote-engine";
import { refusal, refuse } from "../errors";
import { officialProcedure } from "../trpc";
import { deploymentMetrics } from "./operator";
import { recordAction } from "./audit-action";
import { electionOrRefuse } from "./election-or-refuse";
import { electionDraftInput, electionIdInput, isoDate, reasonInput } from "./election-input";

const changedMeanwhile = () =>
  refusal("CONFLICT", "ELECTION_CHANGED", "Someone changed this election a moment ago; reload and try again.");

/** An edit of the definition: the schedule may come along, but when it is left out it stays as it is. */
const definitionEdit = electionDraftInput
  .omit({ id: true })
  .extend({ opensAt: isoDate.nullable().optional(), closesAt: isoDate.nullable().optional() });

/** Officials create, edit, schedule and move elections; every change lands in the audit trail. */
export const officialElectionsRouter = {
  /** Every election, drafts included, with its status as voters see it now and its turnout. */
  list: officialProcedure.query(async ({ ctx }) => {
    const now = ctx.services.clock.now();
    const elections = await ctx.services.repository().list();
    return Promise.all(
      elections.map(async (election) => {
        const { turnout, quarantined } = buildResultsSnapshot(
          election,
          await ctx.services.tallies.readCounters(election.id),
          now,
        );
        return {
          ...election,
          storedStatus: election.status,
          status: effectiveStatus(election, now),
          turnout,
          quarantined,
        };
      }),
    );
  }),

  create: officialProcedure
    .input(z.object({ election: electionDraftInput, reason: reasonInput.default("created") }).strict())
    .mutation(async ({ ctx, input }) => {
      const election: Election = { ...input.election, id: input.election.id ?? crypto.randomUUID(), status: "draft" };
      const translated = checkTranslations(election);
      if (!translated.ok) throw refuse(translated.error);
      const tied = checkTieRule(election);
      if (!tied.ok) throw refuse(tied.error);
      const repository = ctx.services.repository();
      if (await repository.exists(election.id))
        throw refusal("CONFLICT", "ELECTION_EXISTS", "An election with this id already exists.");
      await ctx.services.publisher.publish(await repository.insert(election));
      await recordAction(ctx, "election.create", election.id, input.reason, {
        title: election.title,
        questions: election.questions.length,
      });
      return election;
    }),

  /**
   * Replaces the definition of a draft or scheduled election; questions are frozen once voting can
   * start. Its schedule, language and translations, when left out, stay as they are.
   */
  update: officialProcedure
    .input(z.object({ electionId: z.uuid(), election: definitionEdit, reason: reasonInput }).strict())
    .mutation(async ({ ctx, input }) => {
      const current = await electionOrRefuse(ctx.services.repository(), input.electionId);
      const { opensAt, closesAt, ...definition } = input.election;
      // Left out, the schedule stays as it is; and the status that counts is the one voters see now
      // (a scheduled election past its opening time is open: its questions are frozen).
      // Left out, the language and translations stay too (a form that knows nothing of them must not
      // erase them), less the texts of questions and options this edit removes.
      const edited = {
        ...current,
        ...definition,
        language: definition.language ?? current.language,
        translations: definition.translations ?? keptTranslations(current.translations, definition.questions),
        ...(opensAt === undefined ? {} : { opensAt }),
        ...(closesAt === undefined ? {} : { closesAt }),
      };
      const translated = checkTranslations(edited);
      if (!translated.ok) throw refuse(translated.error);
      const tied = checkTieRule(edited);
      if (!tied.ok) throw refuse(tied.error);
      const next = replaceQuestions(
        { ...edited, status: effectiveStatus(current, ctx.services.clock.now()) },
        input.election.questions,
      );
      if (!next.ok) throw refuse(next.error);
      const stored = await ctx.services
        .repository()
        .replaceDefinition({ ...next.value, status: current.status }, ["draft", "scheduled"]);
      if (!stored) throw changedMeanwhile();
      await ctx.services.publisher.publish(stored);
      await recordAction(ctx, "election.update", current.id, input.reason, {
        title: next.value.title,
        questions: next.value.questions.length,
      });
      return next.value;
    }),

  /** Sets when a draft (or scheduled) election opens and closes; it then opens and closes by itself. */
  schedule: officialProcedure
    .input(z.object({ electionId: z.uuid(), opensAt: isoDate, closesAt: isoDate, reason: reasonInput }).strict())
    .mutation(async ({ ctx, input }) => {
      const current = await electionOrRefuse(ctx.services.repository(), input.electionId);
      const now = ctx.services.clock.now();
      // From the status voters see now: once a scheduled election has opened by its time, it cannot be rescheduled.
      const effective = effectiveStatus(current, now);
      const timed = { ...current, opensAt: input.opensAt, closesAt: input.closesAt, status: effective };
      // A scheduled election is rescheduled as if it were a draft again: the same checks apply.
      const next = transition(effective === "scheduled" ? { ...timed, status: "draft" } : timed, "scheduled", { now });
      if (!next.ok) throw refuse(next.error);
      const stored = await ctx.services.repository().replaceDefinition(next.value, ["draft", "scheduled"]);
      if (!stored) throw changedMeanwhile();
      await ctx.services.publisher.publish(stored);
      await recordAction(ctx, "election.schedule", current.id, input.reason, {
        opensAt: input.opensAt.toISOString(),
        closesAt: input.closesAt.toISOString(),
      });
      return next.value;
    }),

  /** Opens, pauses, resumes, closes or certifies; certifying needs a recount equal to the live tally and no open fraud case. */
  transition: officialProcedure
    .input(z.object({ electionId: z.uuid(), to: z.enum(electionStatuses), reason: reasonInput }).strict())
    .mutation(async ({ ctx, input }) => {
      const { services } = ctx;
      const election = await electionOrRefuse(services.repository(), input.electionId);
      let recountMatchesTally: boolean | undefined;
      if (input.to === "certified") {
        const open = await services.fraudCases().list(election.id, "quarantined", 1);
        if (open.length > 0)
          throw refusal("PRECONDITION_FAILED", "FRAUD_CASES_OPEN", "Decide every open fraud case before certifying.");
        const exact = await services.recountElection(election);
        recountMatchesTally =
          compareWithLiveTally(await services.tallies.readCounters(election.id), exact.counters).length === 0;
      }
      const next = transition(election, input.to, {
        now: services.clock.now(),
        ...(recountMatchesTally === undefined ? {} : { recountMatchesTally }),
      });
      if (!next.ok) throw refuse(next.error);
      const newStop = next.value.stopsAt != null && next.value.stopsAt.getTime() !== election.stopsAt?.getTime();
      const updated = await services
        .repository()
        .updateStatus(election.id, election.status, next.value.status, next.value.stopsAt ?? null);
      if (!updated) throw changedMeanwhile();
      const published = newStop
        ? await services.publisher.publishStop(updated)
        : await services.publisher.publish(updated);
      // A pause or close of an open election takes effect a moment later on every task at once: the log says when.
      const effectiveAt = (published.stopsAt ?? services.clock.now()).toISOString();
      await recordAction(ctx, "election.transition", election.id, input.reason, {
        from: election.status,
        to: next.value.status,
        effectiveAt,
      });
      return { electionId: election.id, from: election.status, to: next.value.status, effectiveAt };
    }),

  /**
   * What the live dashboard shows beside the SSE snapshots: the election's held ballots by risk
   * reason, and the deployment's refusals by reason and aggregator lag (metrics are not per election).
   */
  dashboard: officialProcedure.input(electionIdInput).query(async ({ ctx, input }) => {
    const election = await electionOrRefuse(ctx.services.elections, input.electionId);
    const [cases, metrics] = await Promise.all([
      ctx.services.fraudCases().list(election.id),
      deploymentMetrics(ctx.services.metricsUrls),
    ]);
    const heldByReason: Record<string, number> = {};
    for (const c of cases) for (const reason of c.reasons) heldByReason[reason] = (heldByReason[reason] ?? 0) + 1;
    const casesByState = { quarantined: 0, released: 0, voided: 0 };
    for (const c of cases) casesByState[c.state] += 1;
    return {
      heldByReason,
      casesByState,
      deployment: {
        refusedByReason: metrics.refusedByReason,
        votes: metrics.votes,
        aggregatorLagSeconds: metrics.aggregator.lagSeconds ?? null,
      },
    };
  }),

  /** The exact result from every stored vote, beside the live tally. */
  recount: officialProcedure.input(electionIdInput).mutation(async ({ ctx, input }) => {
    const election = await electionOrRefuse(ctx.services.repository(), input.electionId);
    const exact = await ctx.services.recountElection(election);
    const live = await ctx.services.tallies.readCounters(election.id);
    const differences = compareWithLiveTally(live, exact.counters);
    await recordAction(ctx, "election.recount", election.id, "recount", {
      votesRead: exact.votesRead,
      rejected: exact.rejected,
      differences: differences.length,
    });
    return {
      votesRead: exact.votesRead,
      rejected: exact.rejected,
      counters: Object.fromEntries(exact.counters),
      instantRunoff: exact.instantRunoff,
      counts: exact.counts,
      differences,
    };
  }),
} satisfies TRPCRouterRecord;
