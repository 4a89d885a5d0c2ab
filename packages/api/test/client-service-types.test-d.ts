/**
 * Each client of the SDK is typed with the router its service mounts (root.ts, serviceRouters),
 * so a procedure called through the wrong service fails to compile instead of answering 404.
 *
 * Types only: `npm run typecheck` (tsc -p ., which includes test/) checks this file; nothing here
 * runs (`vitest run` picks up *.test.ts, not *.test-d.ts). Every `@ts-expect-error` below fails
 * the typecheck if the call it marks starts compiling again.
 */
import { expectTypeOf } from "vitest";
import type { LandslideClient } from "../src/client/index";

declare const client: LandslideClient;

// What each service serves compiles through its own client.
expectTypeOf(client.vote.voter.cast.mutate).toBeFunction();
expectTypeOf(client.vote.humanCheck.challenge.query).toBeFunction();
expectTypeOf(client.vote.signUp.ticket.mutate).toBeFunction();
expectTypeOf(client.vote.receipts.verify.query).toBeFunction();
expectTypeOf(client.control.official.elections.list.query).toBeFunction();
expectTypeOf(client.control.operator).not.toBeAny();
expectTypeOf(client.results.results.live.subscribe).toBeFunction();
expectTypeOf(client.results.audit).not.toBeAny();
// The public election list is mounted by all three.
expectTypeOf(client.vote.elections.list.query).toBeFunction();
expectTypeOf(client.control.elections.list.query).toBeFunction();
expectTypeOf(client.results.elections.list.query).toBeFunction();

// What another service serves is not there.
expectTypeOf(client.vote).not.toHaveProperty("official");
expectTypeOf(client.vote).not.toHaveProperty("operator");
expectTypeOf(client.vote).not.toHaveProperty("results");
expectTypeOf(client.vote).not.toHaveProperty("audit");
expectTypeOf(client.control).not.toHaveProperty("voter");
expectTypeOf(client.control).not.toHaveProperty("humanCheck");
expectTypeOf(client.control).not.toHaveProperty("signUp");
expectTypeOf(client.control).not.toHaveProperty("receipts");
expectTypeOf(client.control).not.toHaveProperty("results");
expectTypeOf(client.results).not.toHaveProperty("voter");
expectTypeOf(client.results).not.toHaveProperty("official");
expectTypeOf(client.results).not.toHaveProperty("operator");
expectTypeOf(client.results).not.toHaveProperty("receipts");

/**
 * Never called: what a wrong service would answer with 404 must not compile. Each line stops at
 * the router that service lacks: what follows it would be untyped, and a longer call would still
 * fail to compile (and so pass) if that router came back in another shape.
 */
export function wrongServiceCalls() {
  // @ts-expect-error the console's procedures are the control API's, not the vote API's
  void client.vote.official;
  // @ts-expect-error live results stream from the results service
  void client.vote.results;
  // @ts-expect-error casting is the vote API's
  void client.control.voter;
  // @ts-expect-error human checks are the vote API's
  void client.control.humanCheck;
  // @ts-expect-error operators' procedures are the control API's
  void client.results.operator;
  // @ts-expect-error receipts are verified by the vote API
  void client.results.receipts;
}
