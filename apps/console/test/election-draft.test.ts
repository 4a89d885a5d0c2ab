import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import type { OfficialElection } from "../app/[locale]/elections/[id]/official-election";
import { passkeyPolicyChoices } from "../app/[locale]/elections/election-rules";
import { draftOf, emptyDraft, toElectionFields } from "../app/[locale]/elections/form/draft";

const stored = {
  id: "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
  title: "Night ferry",
  description: "",
  status: "draft",
  storedStatus: "draft",
  allowAbstain: false,
  eligibility: "voter-roll",
  passkeyPolicy: "required",
  opensAt: null,
  closesAt: null,
  turnout: 0,
  quarantined: 0,
  questions: [
    {
      id: "ferry",
      kind: "single",
      prompt: "Keep the night ferry?",
      minChoices: 1,
      maxChoices: 1,
      options: [
        { id: "yes", label: "Yes" },
        { id: "no", label: "No" },
      ],
    },
  ],
} as unknown as OfficialElection;

describe("an election's passkey policy in the form", () => {
  it("starts optional, as the API's default, so a new election shuts nobody out unless the official chooses to", () => {
    expect(emptyDraft("en").passkeyPolicy).toBe("optional");
  });

  it("survives an edit: the stored policy is the draft's, and the draft's is what is sent", () => {
    // Left out of what is sent, the API would put the default back, loosening the election unasked.
    expect(toElectionFields(draftOf(stored))).toMatchObject({ passkeyPolicy: "required", eligibility: "voter-roll" });
    expect(toElectionFields({ ...draftOf(stored), passkeyPolicy: "review-without" }).passkeyPolicy).toBe(
      "review-without",
    );
  });

  it("offers every policy once, each with a label and a hint", () => {
    expect(passkeyPolicyChoices(inEnglish).map((choice) => choice.value)).toEqual([
      "optional",
      "review-without",
      "required",
    ]);
    for (const choice of passkeyPolicyChoices(inEnglish))
      expect(choice.label && choice.hint, choice.value).toBeTruthy();
  });
});
