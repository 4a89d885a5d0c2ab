import type { OfficialElection } from "../app/[locale]/elections/[id]/official-election";

/**
 * A stored draft election as the officials' list returns it, asking `questions`; `change` adds
 * what a test is about (a tie rule, an option order).
 */
export function storedElection(questions: readonly object[], change: object = {}): OfficialElection {
  return {
    id: "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
    title: "Harbour council",
    description: "",
    status: "draft",
    storedStatus: "draft",
    allowAbstain: false,
    eligibility: "any-signed-in-voter",
    passkeyPolicy: "optional",
    opensAt: null,
    closesAt: null,
    turnout: 0,
    quarantined: 0,
    language: "en",
    translations: {},
    questions,
    ...change,
  } as unknown as OfficialElection;
}
