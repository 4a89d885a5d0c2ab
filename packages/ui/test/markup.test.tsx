import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createLandslideClient } from "@landslide/api/client";
import { LandslideClientContext } from "../src/client/landslide-client-context";
import { createQueryClient } from "../src/client/query-client";
import { FiguresTable } from "../src/figures-table";
import { SignInForm, type SignInFormProps } from "../src/sign-in/sign-in-form";
import { TableRegion } from "../src/table-region";

describe("a table of figures", () => {
  const html = renderToStaticMarkup(
    <TableRegion label="Votes">
      <FiguresTable
        caption="Mascot?: votes per option"
        columns={["Option", "Votes"]}
        rows={[{ key: "heron", header: "Heron", cells: ["1,234"] }]}
      />
    </TableRegion>,
  );

  it("is named by its caption, with a header on every column and row", () => {
    expect(html).toContain("<caption>Mascot?: votes per option</caption>");
    expect(html).toContain('<th scope="col">Option</th><th scope="col">Votes</th>');
    expect(html).toContain('<tr><th scope="row">Heron</th><td>1,234</td></tr>');
  });

  it("scrolls in a focusable, named region of its own", () => {
    expect(html).toMatch(/^<div role="region" aria-label="Votes" tabindex="0"/);
  });
});

describe("the sign-in form of each site", () => {
  // A real client: nothing is sent until the form is submitted.
  const client = createLandslideClient({
    urls: { voteApi: "http://127.0.0.1:1", controlApi: "http://127.0.0.1:2", results: "http://127.0.0.1:3" },
    cognito: { region: "eu-west-1", clientId: "test" },
  });
  const render = (props: Omit<SignInFormProps, "onSignedIn">) =>
    renderToStaticMarkup(
      <LandslideClientContext value={client}>
        <SignInForm {...props} onSignedIn={() => undefined} />
      </LandslideClientContext>,
    );

  it("is the whole page in the console: sign-in only, the heading a level 1, the e-mail as a username", () => {
    const html = render({
      heading: "Sign in to the console",
      headingLevel: 1,
      emailAutoComplete: "username",
      busyLabel: "Signing in…",
    });
    expect(html).toContain('<h1 id="sign-in-heading">Sign in to the console</h1>');
    expect(html).toContain('autoComplete="username"');
    expect(html).not.toContain("minLength");
    expect(html).not.toContain("Create an account");
  });

  it("offers to create an account on the voter site, under the page's title", () => {
    const describeRefusal = () => "refused";
    const html = render({
      heading: "Sign in to vote",
      headingLevel: 2,
      signUp: {
        heading: "Create an account",
        confirmHeading: "Confirm your e-mail address",
        passwordHint: "At least 8 characters.",
        describeRefusal,
      },
      emailAutoComplete: "email",
      passwordMinLength: 8,
      busyLabel: "Please wait…",
    });
    expect(html).toContain('<h2 id="sign-in-heading">Sign in to vote</h2>');
    expect(html).toContain('minLength="8"');
    expect(html).toContain("New here? ");
    expect(html).toContain(">Create an account</button>");
    // The password hint belongs to the sign-up step only.
    expect(html).not.toContain("At least 8 characters.");
  });
});

describe("the tab's query cache", () => {
  it("retries once, keeps reads fresh as long as the site says, and does not refetch on focus", () => {
    expect(createQueryClient(2_000).getDefaultOptions().queries).toMatchObject({
      staleTime: 2_000,
      retry: 1,
      refetchOnWindowFocus: false,
    });
  });
});
