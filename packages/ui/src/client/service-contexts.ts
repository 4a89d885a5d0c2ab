"use client";

import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { ControlApiRouter, ResultsRouter, VoteApiRouter } from "@landslide/api";

/**
 * One tRPC context per service, each typed with the router that service mounts: a page cannot ask
 * the results service for a procedure only the control API serves. Every key starts with the
 * service's name (SERVICE_KEY_PREFIX), because every service mounts `elections`: without it, the
 * vote API's `elections.get` and the results service's would share one cache entry.
 */
type Prefixed = { keyPrefix: true };

const voteApi = createTRPCContext<VoteApiRouter, Prefixed>();
const controlApi = createTRPCContext<ControlApiRouter, Prefixed>();
const resultsApi = createTRPCContext<ResultsRouter, Prefixed>();

export const SERVICE_KEY_PREFIX = { voteApi: "vote-api", controlApi: "control-api", results: "results" } as const;

export const VoteApiProvider = voteApi.TRPCProvider;
export const ControlApiProvider = controlApi.TRPCProvider;
export const ResultsApiProvider = resultsApi.TRPCProvider;

/** Query and mutation options (and their keys) for the vote API's procedures. */
export const useVoteApi = voteApi.useTRPC;
/** Query and mutation options (and their keys) for the control API's procedures. */
export const useControlApi = controlApi.useTRPC;
/** Query and subscription options (and their keys) for the results service's procedures. */
export const useResultsApi = resultsApi.useTRPC;
