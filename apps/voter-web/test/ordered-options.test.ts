import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { RouterOutputs } from "@landslide/api/client";
import { BallotForm } from "../app/[locale]/elections/[id]/ballot-form";
import {
  inBallotOrder,
  optionsInOrder,
  orderNote,
  recordedOrders,
  shownOrder,
} from "../app/[locale]/elections/[id]/ordered-options";
import { RecordedOrder } from "../app/[locale]/elections/[id]/recorded-order";
import { shownElection } from "../lib/election-content";
import { inEnglish } from "../i18n/english";
import english from "../messages/en.json";

type Election = RouterOutputs["elections"]["get"];
type Question = Election["questions"][number];

const trustees = [
  { id: "ada", label: "Ada" },
  { id: "bruno", label: "Bruno" },
  { id: "chen", label: "Chen" },
];
const question = (id: string, kind: Question["kind"], maxChoices = 1): Question => ({
  id,
  kind,
  prompt: `${id}?`,
  minChoices: 1,
  maxChoices,
  options: trustees,
});
const ids = (options: ReadonlyArray<{ id: string }>) => options.map((o) => o.id);

describe("a question's options in the voter's order", () => {
  it("follows the order given", () => {
    expect(ids(optionsInOrder(trustees, ["chen", "ada", "bruno"]))).toEqual(["chen", "ada", "bruno"]);
  });

  it("is the election's order when there is none, as a copy", () => {
    const listed = optionsInOrder(trustees, undefined);
    expect(listed).toEqual(trustees);
    expect(listed).not.toBe(trustees);
  });

  it("keeps an option the order leaves out, last and in the election's order", () => {
    expect(ids(optionsInOrder(trustees, ["chen"]))).toEqual(["chen", "ada", "bruno"]);
    expect(ids(optionsInOrder(trustees, []))).toEqual(["ada", "bruno", "chen"]);
  });

  it("ignores an id the question does not have, and one given twice", () => {
    expect(ids(optionsInOrder(trustees, ["gone", "bruno", "chen", "bruno", "ada"]))).toEqual(["bruno", "chen", "ada"]);
  });
});

describe("the election in the voter's order", () => {
  const election = {
    optionOrder: "shuffled" as const,
    questions: [question("board", "multi", 2), question("chair", "single")],
  };

  it("reorders each question's options, keeping everything else", () => {
    const ordered = inBallotOrder(election, { board: ["chen", "ada", "bruno"], chair: ["bruno", "chen", "ada"] });
    expect(ordered.optionOrder).toBe("shuffled");
    expect(ordered.questions.map((q) => [q.id, q.prompt, q.maxChoices, ids(q.options)])).toEqual([
      ["board", "board?", 2, ["chen", "ada", "bruno"]],
      ["chair", "chair?", 1, ["bruno", "chen", "ada"]],
    ]);
    // The election as read stays as defined: the order is only how this voter's ballot lists it.
    expect(ids(election.questions[0]!.options)).toEqual(["ada", "bruno", "chen"]);
  });

  it("lists a question the order does not name as defined, and is the election itself without an order", () => {
    expect(ids(inBallotOrder(election, { board: ["bruno", "chen", "ada"] }).questions[1]!.options)).toEqual([
      "ada",
      "bruno",
      "chen",
    ]);
    expect(inBallotOrder(election, null)).toBe(election);
  });
});

describe("when the ballot can be shown", () => {
  const order = { chair: ["chen", "ada", "bruno"] };

  it("is once the voter's order is read, whatever the election's rule", () => {
    for (const rule of [undefined, "as-listed", "rotated", "shuffled"] as const)
      expect(shownOrder(rule, { status: "success", data: order })).toEqual({ kind: "known", order });
    expect(shownOrder("rotated", { status: "success", data: null })).toEqual({ kind: "known", order: null });
  });

  it("waits for a drawn order, and is not in another order when it cannot be read", () => {
    for (const rule of ["rotated", "shuffled"] as const) {
      expect(shownOrder(rule, { status: "pending" })).toEqual({ kind: "pending" });
      expect(shownOrder(rule, { status: "error" })).toEqual({ kind: "failed" });
    }
  });

  it("is at once, in the election's order, when the election lists its options as defined", () => {
    for (const rule of [undefined, "as-listed"] as const) {
      expect(shownOrder(rule, { status: "pending" })).toEqual({ kind: "known", order: null });
      expect(shownOrder(rule, { status: "error" })).toEqual({ kind: "known", order: null });
    }
  });
});

describe("the sentence under a ballot", () => {
  it("says why the order was drawn, and how, only when it was", () => {
    expect(orderNote("shuffled", inEnglish)).toBe(
      "The options are listed in an order drawn for you, so that no option gains from always coming first.",
    );
    expect(orderNote("rotated", inEnglish)).toBe(
      "The options are listed in an order rotated for you, so that no option gains from always coming first.",
    );
    expect(orderNote("as-listed", inEnglish)).toBeUndefined();
    expect(orderNote(undefined, inEnglish)).toBeUndefined();
  });
});

describe("a receipt's recorded order in words", () => {
  const questions = [
    { ...question("chair", "single"), prompt: "Choose a chair", promptLang: "fr" },
    { ...question("board", "multi", 2), prompt: "Choose a trustee" },
  ];

  it("names each question's options in the recorded order, the questions in the election's order", () => {
    expect(recordedOrders({ board: ["chen", "ada", "bruno"], chair: ["bruno", "chen", "ada"] }, questions)).toEqual([
      { questionId: "chair", prompt: "Choose a chair", promptLang: "fr", labels: ["Bruno", "Chen", "Ada"] },
      { questionId: "board", prompt: "Choose a trustee", promptLang: undefined, labels: ["Chen", "Ada", "Bruno"] },
    ]);
  });

  it("shows what was signed as it is: an option or a question the election no longer has by its id", () => {
    expect(recordedOrders({ board: ["chen", "dora"], vice: ["x", "y"] }, questions)).toEqual([
      { questionId: "board", prompt: "Choose a trustee", promptLang: undefined, labels: ["Chen", "dora"] },
      { questionId: "vice", prompt: "vice", labels: ["x", "y"] },
    ]);
  });
});

/** A component as the page renders it, in English. */
const rendered = (node: ReactNode) =>
  renderToStaticMarkup(
    // eslint-disable-next-line @eslint-react/jsx-no-children-prop -- no JSX in a .ts test, and the provider's props type requires children
    createElement(NextIntlClientProvider, { locale: "en", timeZone: "UTC", messages: english, children: node }),
  );
const inOrderOf = (html: string, texts: string[]) => texts.map((text) => html.indexOf(text));

describe("the ballot as the voter sees it", () => {
  const election = shownElection(
    {
      id: "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
      title: "Trustees",
      status: "open",
      allowAbstain: false,
      passkeyPolicy: "optional",
      optionOrder: "rotated",
      questions: [
        question("single", "single"),
        question("multi", "multi", 2),
        question("ranked", "ranked", 3),
        question("score", "score"),
      ],
    } as Election,
    "en",
  );
  const order = Object.fromEntries(election.questions.map((q) => [q.id, ["chen", "ada", "bruno"]]));
  const form = (shown: typeof election) =>
    rendered(createElement(BallotForm, { election: shown, answers: {}, onChange: () => undefined, problems: {} }));

  it("lists every kind of question's options in the voter's order: radios, checkboxes, Rank buttons, score groups", () => {
    const html = form(inBallotOrder(election, order));
    const questions = html.split("<fieldset id=").slice(1);
    expect(questions).toHaveLength(4);
    for (const [i, q] of questions.entries()) {
      const positions = inOrderOf(
        q,
        i === 2 ? ["Rank Chen", "Rank Ada", "Rank Bruno"] : [">Chen<", ">Ada<", ">Bruno<"],
      );
      expect(positions.every((at) => at >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it("says once, under the questions, that the order was drawn for the voter", () => {
    const html = form(inBallotOrder(election, order));
    const note = "The options are listed in an order rotated for you";
    expect(html.split(note)).toHaveLength(2);
    expect(html.indexOf(note)).toBeGreaterThan(html.lastIndexOf("<fieldset"));
    expect(form({ ...election, optionOrder: "as-listed" })).not.toContain("The options are listed");
  });
});

describe("the order on a receipt", () => {
  it("says the receipt records it, and lists it per question under a disclosure", () => {
    const html = rendered(
      createElement(RecordedOrder, {
        order: { board: ["chen", "ada", "bruno"] },
        questions: [{ ...question("board", "multi", 2), prompt: "Choose a trustee" }],
      }),
    );
    expect(html).toContain("<p>Your receipt records the order your ballot listed the options in.</p>");
    expect(html).toMatch(/<details><summary>The order of the options on your ballot<\/summary>/);
    expect(html).toContain("<li><strong><bdi>Choose a trustee</bdi></strong>: Chen, Ada, Bruno</li>");
  });
});
