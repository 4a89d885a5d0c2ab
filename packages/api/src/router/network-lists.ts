import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { plainText } from "@landslide/vote-engine";
import { refusal } from "../errors";
import { INTERVALS_PER_PART, NETWORK_LIST_NAME, networkCategories } from "../risk/network-categories";
import { operatorProcedure } from "../trpc";
import { recordAction } from "./audit-action";
import { reasonInput } from "./election-input";

const name = z
  .string()
  .regex(NETWORK_LIST_NAME, { error: "a list name is lower-case letters, digits and '-' (tor-exits, hosting-ranges)" });
const v4Bound = z.number().int().min(0).max(0xffff_ffff);
const v6Bound = z.string().regex(/^[0-9a-f]{32}$/, { error: "32 hex digits" });
/**
 * A part as the CLI parsed it (risk/network-ranges.ts's intervals): the API checks their shape and
 * order, never parses addresses, so a part costs the control API next to nothing and the vote API
 * loads it as it is.
 */
const intervals = z
  .object({
    v4: z.array(z.tuple([v4Bound, v4Bound])).max(INTERVALS_PER_PART),
    v6: z.array(z.tuple([v6Bound, v6Bound])).max(INTERVALS_PER_PART),
  })
  .strict()
  .refine(({ v4, v6 }) => v4.length + v6.length <= INTERVALS_PER_PART, {
    error: `at most ${INTERVALS_PER_PART} intervals in a part`,
  })
  .refine(({ v4, v6 }) => v4.every(([start, end]) => start <= end) && v6.every(([start, end]) => start <= end), {
    error: "every interval starts at or before its end",
  });

/** Network lists an operator imports (threat feeds: hosting ranges, Tor exits, known abuse), in the data plane. */
export const networkListsRouter = {
  /** One part of an import, kept apart under the import's id until `commit` makes the import live. */
  stage: operatorProcedure
    .input(z.object({ name, importId: z.uuid(), part: z.number().int().min(1).max(1000), intervals }).strict())
    .mutation(async ({ ctx, input }) => {
      await ctx.services.networkLists.stagePart(
        input.name,
        input.importId,
        input.part,
        JSON.stringify(input.intervals),
      );
      return { staged: input.part };
    }),
  /** Makes an import live (replacing the list's previous one) once all its parts are staged; audited. */
  commit: operatorProcedure
    .input(
      z
        .object({
          name,
          importId: z.uuid(),
          parts: z.number().int().min(1).max(1000),
          category: z.enum(networkCategories),
          ranges: z.number().int().min(0),
          source: z.string().trim().min(1).max(300).check(plainText("source")),
          reason: reasonInput,
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const { reason, ...list } = input;
      const info = {
        ...list,
        importedAt: ctx.services.clock.now().toISOString(),
        importedBy: ctx.identity.email ?? ctx.identity.username,
      };
      if (!(await ctx.services.networkLists.commit(info))) {
        throw refusal(
          "PRECONDITION_FAILED",
          "IMPORT_INCOMPLETE",
          `Some of the ${input.parts} parts of this import were never staged; run the import again.`,
        );
      }
      await recordAction(ctx, "network-list.import", undefined, reason, {
        name: input.name,
        category: input.category,
        ranges: input.ranges,
        source: input.source,
      });
      return info;
    }),
  list: operatorProcedure.query(({ ctx }) => ctx.services.networkLists.list()),
  remove: operatorProcedure.input(z.object({ name, reason: reasonInput }).strict()).mutation(async ({ ctx, input }) => {
    if (!(await ctx.services.networkLists.remove(input.name)))
      throw refusal("NOT_FOUND", "NETWORK_LIST_NOT_FOUND", `There is no network list named ${input.name}.`);
    await recordAction(ctx, "network-list.remove", undefined, input.reason, { name: input.name });
    return { removed: input.name };
  }),
} satisfies TRPCRouterRecord;
