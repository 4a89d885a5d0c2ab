import { NextRequest, NextResponse } from "next/server";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Alert } from "../src/components/alert";
import { viewerLocale } from "../src/format/date-time";
import { AppShell } from "../src/app-shell";
import { LandslideDocument, landslideRootLayout } from "../src/layout/root-layout";
import { QuestionResults } from "../src/results/question-results";
import { framingFor } from "../src/security-headers";
import { createSecurityProxy } from "../src/security-proxy";
import { englishSentences, englishUiText, type UiText } from "../src/text/ui-text";
import { UiTextProvider } from "../src/text/ui-text-context";

/** A site in another language, as the voter site gives one (its words made here by marking English's). */
const marked: UiText = {
  locale: "de",
  dateLocale: "de",
  dir: "ltr",
  say: (key, ...values) => `«${(englishSentences[key] as (v: object) => string)(values[0] ?? {})}»`,
  authFailure: (failure) => `«${failure.reason}»`,
};

const mascot = {
  id: "mascot",
  kind: "single" as const,
  prompt: "Mascot?",
  counts: "choices" as const,
  abstentions: 0,
  options: [
    { id: "otter", label: "Otter", votes: 1234 },
    { id: "heron", label: "Heron", votes: 2 },
  ],
};

describe("the shared components' words", () => {
  it("are English without a provider, as the console shows them", () => {
    const html = renderToStaticMarkup(<Alert tone="warning">Careful.</Alert>);
    expect(html).toContain('<span class="ls-visually-hidden">Warning: </span>');
  });

  it("are the site's own under a UiTextProvider, numbers written its way", () => {
    const html = renderToStaticMarkup(
      <UiTextProvider value={marked}>
        <Alert tone="warning">Vorsicht.</Alert>
        <QuestionResults
          question={mascot}
          ballots={1236}
          headingLevel={2}
          headingId="q"
          rankedNote=""
          captionSuffix="Stimmen je Option"
          scrolls={false}
          zeroAbstentions="hidden"
        />
      </UiTextProvider>,
    );
    expect(html).toContain("«Warning»: ");
    expect(html).toContain("«Mascot?: Stimmen je Option»");
    expect(html).toMatch(/<th[^>]*>«Share»<\/th>/);
    // German digits: 1.234, and a decimal comma in the share.
    expect(html).toContain(">1.234<");
    expect(html).toMatch(/99,8\s?%/);
  });

  it("say English by default, word for word as before", () => {
    expect(englishUiText.say("votes", { count: 1 })).toBe("1 vote");
    expect(englishUiText.say("ballots", { count: 1234 })).toBe("1,234 ballots");
  });
});

describe("the document", () => {
  const Providers = ({ children }: { children: ReactNode }) => <>{children}</>;
  const document = { site: "console" as const, fontClassName: "f", Providers };
  // publicConfig reads the console's client id.
  process.env.LANDSLIDE_COGNITO_CONSOLE_CLIENT_ID ??= "test";

  it("is English and left-to-right unless the site says (the console's root layout)", () => {
    const Root = landslideRootLayout({ ...document, product: "P", tagline: "t" });
    const html = renderToStaticMarkup(<Root>x</Root>);
    expect(html).toMatch(
      /^<html lang="en" class="f">(<head><\/head>)?<body><a class="skip-link" href="#main">Skip to content<\/a>/,
    );
  });

  it("takes the page's language and direction, and the frame its words and the header's end", () => {
    const arabic = renderToStaticMarkup(
      <LandslideDocument {...document} lang="ar" dir="rtl">
        <AppShell product="P" tagline="t" skipLinkLabel="الانتقال إلى المحتوى" headerEnd={<nav />}>
          x
        </AppShell>
      </LandslideDocument>,
    );
    expect(arabic).toMatch(/^<html lang="ar" dir="rtl" class="f">/);
    expect(arabic).toContain('<a class="skip-link" href="#main">الانتقال إلى المحتوى</a>');
    expect(arabic).toContain("<nav></nav></div></header>");
  });
});

describe("dates in the viewer's variant of the page's language", () => {
  it("take the browser's regional variant of the language when it has one, else the language", () => {
    expect(viewerLocale("en", ["en-GB", "fr"])).toBe("en-GB");
    expect(viewerLocale("fr", ["en-GB", "fr-CA"])).toBe("fr-CA");
    expect(viewerLocale("ar", ["en-GB"])).toBe("ar");
    expect(viewerLocale(undefined, ["en-GB"])).toBeUndefined();
  });
});

describe("the security proxy with a router after it (the voter site's languages)", () => {
  it("hands the router the request with its CSP header, and sets the policy on whatever it answers", () => {
    let seen: string | null = null;
    const proxy = createSecurityProxy({
      route: (request) => {
        seen = request.headers.get("content-security-policy");
        return NextResponse.redirect(new URL("/es/receipts", request.url));
      },
    });
    const response = proxy(new NextRequest("https://vote.example.org/receipts"));
    expect(response.status).toBe(307);
    expect(seen).toMatch(/'nonce-[^']+'/);
    expect(response.headers.get("content-security-policy")).toBe(seen);
  });

  it("frames the widget under a language's prefix as it does the widget itself, and nothing else", () => {
    const prefixes = ["en", "es", "ar"];
    expect(framingFor("/es/embed/elections/1", prefixes)).toBe("anyone");
    expect(framingFor("/embed/elections/1", prefixes)).toBe("anyone");
    for (const pathname of ["/xx/embed/elections/1", "/es/embed", "/es//embed/x", "/esembed/x", "/es/es/embed/x"])
      expect(framingFor(pathname, prefixes), pathname).toBe("none");
    // Without the site's languages (the console), no prefix is taken off.
    expect(framingFor("/es/embed/elections/1")).toBe("none");
  });
});
