import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { refusalWords } from "@landslide/api/client";
import { Reason } from "@landslide/ui/words";
import { votingAvailable } from "../lib/voting-availability";

describe("a code shown with its words", () => {
  it("says the label first, the code small after it, then the help", () => {
    const html = renderToStaticMarkup(createElement(Reason, { code: "ALREADY_VOTED", words: refusalWords }));
    expect(html).toMatch(/^<span class="reason">Already voted <code class="muted" title="[^"]+">ALREADY_VOTED<\/code>/);
    expect(html).toContain("This account has already cast a ballot in this election.");
  });

  it("takes the page's own sentence in place of the label, without the shared help", () => {
    const html = renderToStaticMarkup(
      createElement(Reason, { code: "RATE_LIMITED", words: refusalWords }, "Too many attempts from your network."),
    );
    expect(html).toContain("Too many attempts from your network. <code");
    expect(html).not.toContain("in a short time");
  });

  it("leaves the help out where asked, and labels an unknown code in words", () => {
    const html = renderToStaticMarkup(createElement(Reason, { code: "NEW_THING", words: refusalWords, help: "none" }));
    expect(html).toBe(
      '<span class="reason">New thing <code class="muted" title="The code, for experts and for quoting to support">NEW_THING</code></span>',
    );
  });
});

describe("whether voting is available", () => {
  async function serving(status: number) {
    const server = createServer((_, response) => response.writeHead(status).end("{}"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
  }

  it("is yes when the vote API says it is ready, and no when it says it is not or does not answer", async () => {
    const ready = await serving(200);
    const notReady = await serving(503);
    try {
      expect(await votingAvailable(ready.url)).toBe(true);
      expect(await votingAvailable(notReady.url)).toBe(false);
    } finally {
      ready.close();
      notReady.close();
    }
    expect(await votingAvailable(ready.url, 500)).toBe(false);
  });
});
