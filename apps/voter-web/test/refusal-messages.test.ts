import { describe, expect, it } from "vitest";
import { PasskeyCeremonyError } from "../lib/browser-passkeys";
import { castFailureMessage, refusalMessage, signUpRefusalMessage } from "../lib/refusal-messages";
import { castFailureOutcome } from "../app/[locale]/elections/[id]/cast-failure";
import { receipt } from "./receipt";
import { apiRefusal } from "./refusal";
import { inEnglish } from "../i18n/english";

describe("a refusal in a voter's words", () => {
  it("has words for the API's stable reasons, and the caller's fallback for any other", () => {
    expect(refusalMessage("ELECTION_CLOSED", "fallback", inEnglish)).toBe(
      "This election has closed; no more ballots are accepted.",
    );
    expect(refusalMessage("SOMETHING_NEW", "fallback", inEnglish)).toBe("fallback");
    // A reason the API knows but this site has no words of its own for: the shared plain words, not the code.
    expect(refusalMessage("DEVICE_NOT_REGISTERED", "fallback", inEnglish)).toBe(
      "This device has not been set up for voting yet. Reload the page to set it up.",
    );
    expect(refusalMessage(undefined, "fallback", inEnglish)).toBe("fallback");
  });
});

describe("why a cast did not go through", () => {
  it("says the ballot was not sent when the passkey did not sign it", () => {
    const message = castFailureMessage(new PasskeyCeremonyError("cancelled"), inEnglish);
    expect(message).toMatch(/^The passkey request was cancelled or timed out\. Your ballot was not sent\./);
  });

  it("uses the reason's words, else the API's message, else says no answer came", () => {
    expect(castFailureMessage(apiRefusal("RATE_LIMITED"), inEnglish)).toMatch(/^Too many attempts from your network/);
    expect(castFailureMessage(apiRefusal("NEW_REASON", "The API's own words."), inEnglish)).toBe(
      "The API's own words.",
    );
    expect(castFailureMessage(new TypeError("fetch failed"), inEnglish)).toMatch(
      /^Your ballot could not be sent: check your connection/,
    );
  });

  it("reads ALREADY_VOTED as the ballot cast before, with its receipt when the API sent it", () => {
    expect(castFailureOutcome(apiRefusal("ALREADY_VOTED", "Already voted.", { receipt }), inEnglish)).toEqual({
      kind: "already-voted",
      receipt,
    });
    expect(castFailureOutcome(apiRefusal("ALREADY_VOTED"), inEnglish)).toEqual({
      kind: "already-voted",
      receipt: undefined,
    });
    expect(castFailureOutcome(apiRefusal("ELECTION_CLOSED"), inEnglish)).toEqual({
      kind: "refused",
      message: "This election has closed; no more ballots are accepted.",
      reason: "ELECTION_CLOSED",
    });
    // No answer at all: no code to quote.
    expect(castFailureOutcome(new TypeError("fetch failed"), inEnglish)).not.toHaveProperty("reason");
  });
});

describe("why a sign-up was refused", () => {
  it("says who sent too many sign-ups and for how many whole minutes to wait", () => {
    expect(signUpRefusalMessage("RATE_LIMITED", { retryAfterSeconds: 61, scope: "device" }, "", inEnglish)).toBe(
      "Too many sign-ups from this device. Try again in 2 minutes.",
    );
    expect(signUpRefusalMessage("RATE_LIMITED", { retryAfterSeconds: 30, scope: "e-mail domain" }, "", inEnglish)).toBe(
      "Too many sign-ups from your e-mail domain. Try again in 1 minute.",
    );
    // Without a wait from the API: ten minutes, from the network.
    expect(signUpRefusalMessage("RATE_LIMITED", undefined, "", inEnglish)).toBe(
      "Too many sign-ups from your network. Try again in 10 minutes.",
    );
  });

  it("words every failed human check alike, and a throwaway address as such", () => {
    expect(signUpRefusalMessage("CHALLENGE_EXPIRED", undefined, "raw", inEnglish)).toBe(
      "The check that keeps bots out did not pass. Try again in a moment.",
    );
    expect(signUpRefusalMessage("DISPOSABLE_EMAIL", undefined, "raw", inEnglish)).toMatch(
      /^Use an e-mail address you keep/,
    );
    expect(signUpRefusalMessage("UNKNOWN", undefined, "raw", inEnglish)).toBe("raw");
  });
});
