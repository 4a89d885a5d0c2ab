import { describe, expect, it } from "vitest";
import { stackLayout } from "../src/lib/local-stack/layout";
import { renderSummary } from "../src/lib/local-stack/summary";

describe("the summary npm run dev prints", () => {
  it("names each demo account and the owner-only file that holds the passwords, never a password", () => {
    const layout = stackLayout("/home/someone/landslide/.landslide");
    const accounts = [
      { email: "voter1@demo.landslide.test", group: "voters", password: "S3cretVoterPassword1aA7" },
      { email: "official@demo.landslide.test", group: "officials", password: "S3cretOfficialPasswordaA7" },
    ] as const;
    const text = renderSummary({
      urls: { "vote-api": "http://127.0.0.1:4000" },
      accounts,
      layout,
      provisioned: { demoElectionId: "demo-1" },
    });

    for (const { password } of accounts) expect(text).not.toContain(password);
    expect(text).not.toMatch(/password\s*$/im);
    expect(text).toContain(`readable by you only in ${layout.credentials}`);
    const lines = text.split("\n");
    expect(lines).toContain("  Role       E-mail");
    expect(lines).toContain("  voter      voter1@demo.landslide.test");
    expect(lines).toContain("  official   official@demo.landslide.test");
  });

  it("says where the mail the services send can be read: the local SES's mailbox", () => {
    const text = renderSummary({
      urls: {
        "vote-api": "http://127.0.0.1:4000",
        "cognito-local": "http://127.0.0.1:9229",
        "ses-local": "http://127.0.0.1:8025",
      },
      accounts: [],
      layout: stackLayout("/home/someone/landslide/.landslide"),
      provisioned: { demoElectionId: "demo-1" },
    });
    const lines = text.split("\n");
    expect(lines).toContain("  Mailbox (local SES)   http://127.0.0.1:8025");
    expect(lines).toContain("  Vote API              http://127.0.0.1:4000");
    expect(lines).toContain(
      "E-mail the services send is delivered nowhere: read it in the mailbox at http://127.0.0.1:8025",
    );
  });

  it("names no mailbox when no local SES runs (LANDSLIDE_STACK=aws)", () => {
    const text = renderSummary({
      urls: { "vote-api": "http://127.0.0.1:4000" },
      accounts: [],
      layout: stackLayout("/home/someone/landslide/.landslide"),
      provisioned: { demoElectionId: "demo-1" },
    });
    expect(text).not.toMatch(/mailbox/i);
  });
});
