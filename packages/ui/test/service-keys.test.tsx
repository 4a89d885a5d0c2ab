import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LandslideProviders } from "../src/client/landslide-providers";
import { useControlApi, useResultsApi, useVoteApi } from "../src/client/service-contexts";

const config = {
  urls: { voteApi: "http://127.0.0.1:1", controlApi: "http://127.0.0.1:2", results: "http://127.0.0.1:3" },
  cognito: { region: "eu-west-1", clientId: "test" },
};
const electionId = "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61";

interface Seen {
  vote: ReturnType<typeof useVoteApi>;
  control: ReturnType<typeof useControlApi>;
  results: ReturnType<typeof useResultsApi>;
  queries: QueryClient;
}

/** The three services' options proxies and the cache, as a page under the providers gets them (rendered once; nothing is fetched). */
function underProviders(): Seen {
  let seen: Seen | undefined;
  function Probe() {
    seen = { vote: useVoteApi(), control: useControlApi(), results: useResultsApi(), queries: useQueryClient() };
    return null;
  }
  renderToStaticMarkup(
    <LandslideProviders config={config} staleTimeMs={0}>
      <Probe />
    </LandslideProviders>,
  );
  if (!seen) throw new Error("the probe did not render");
  return seen;
}

describe("query keys under the providers", () => {
  it("start with the service's name, so two services' procedures of one path never share an entry", () => {
    const { vote, results } = underProviders();
    expect(vote.elections.get.queryKey({ electionId })).toEqual([
      ["vote-api"],
      ["elections", "get"],
      { input: { electionId }, type: "query" },
    ]);
    expect(results.elections.get.queryKey({ electionId })).toEqual([
      ["results"],
      ["elections", "get"],
      { input: { electionId }, type: "query" },
    ]);
  });

  it("let one filter reach everything officials read about elections, and nothing else", () => {
    const { control, results, queries } = underProviders();
    const cache = queries.getQueryCache();
    for (const queryKey of [
      control.official.elections.list.queryKey(),
      control.official.elections.dashboard.queryKey({ electionId }),
      control.official.audit.list.queryKey({ limit: 200 }),
      results.elections.get.queryKey({ electionId }),
    ]) {
      cache.build(queries, { queryKey });
    }
    const reached = (filter: ReturnType<typeof control.official.elections.pathFilter>) =>
      cache.findAll(filter).map((query) => query.queryKey[1]);
    expect(reached(control.official.elections.pathFilter())).toEqual([
      ["official", "elections", "list"],
      ["official", "elections", "dashboard"],
    ]);
    expect(reached(control.official.audit.pathFilter())).toEqual([["official", "audit", "list"]]);
    expect(reached(results.elections.get.queryFilter({ electionId }))).toEqual([["elections", "get"]]);
  });
});
