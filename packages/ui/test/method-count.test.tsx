import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  abstentionsSentence,
  condorcetSentence,
  countRoundsTable,
  countTransfers,
  countTransferSentence,
  electedInOrder,
  type MethodCount,
  methodInWords,
  needsMethodView,
  pairwiseTable,
  seatsFilledSentence,
  starRunoffSentence,
  tallyFormat,
  tieBreakItems,
  tieRuleInWords,
} from "../src/results/method-count";
import { MethodCountView } from "../src/results/method-count-view";
import { englishSentences, type UiText } from "../src/text/ui-text";
import { UiTextProvider } from "../src/text/ui-text-context";

/*
 * The counts are written out by hand in the engine's CountResult shape (packages/ui does not
 * depend on the engine): figures as the engine reports them, Meek's to 9 decimal places.
 */
const labelled = (...names: string[]) => names.map((name) => ({ id: name.toLowerCase(), label: name }));

// Three seats, five candidates, 100 ballots. Alice is elected at once; her surplus spreads; Erin
// is excluded, some of her ballots rank no one else; Bob and Carol reach the (fallen) quota.
const council = labelled("Alice", "Bob", "Carol", "Dan", "Erin");
const meek: MethodCount = {
  method: "stv-meek",
  seats: 3,
  rounds: [
    {
      round: 1,
      tallies: { alice: 40, bob: 22, carol: 18, dan: 12, erin: 8 },
      exhausted: 0,
      elected: ["alice"],
      eliminated: [],
      transfers: [{ from: "alice", to: { bob: 1.5, carol: 6, dan: 4.5, erin: 2.999999999 }, exhausted: 0 }],
      quota: 25.000000001,
      keepValues: { alice: 1, bob: 1, carol: 1, dan: 1, erin: 1 },
    },
    {
      round: 2,
      tallies: { alice: 25.000000001, bob: 23.5, carol: 24, dan: 16.5, erin: 10.999999999 },
      exhausted: 0,
      elected: [],
      eliminated: ["erin"],
      transfers: [{ from: "erin", to: { bob: 3.5, carol: 0.5, dan: 4.333333333 }, exhausted: 2.666666666 }],
      quota: 25.000000001,
      keepValues: { alice: 0.625000001, bob: 1, carol: 1, dan: 1, erin: 1 },
    },
    {
      round: 3,
      tallies: { alice: 24.333333334, bob: 27.5, carol: 24.5, dan: 20.999999999 },
      exhausted: 2.666666666,
      elected: ["bob", "carol"],
      eliminated: [],
      quota: 24.333333334,
      keepValues: { alice: 0.608333334, bob: 1, carol: 1, dan: 1 },
    },
  ],
  winners: ["alice", "bob", "carol"],
  tieBreaks: [],
  abstentions: 0,
};

// Ten ranked ballots and two empty ones: Otter beats both others head to head.
const mascot = labelled("Otter", "Heron", "Fox");
const schulze: MethodCount = {
  method: "schulze",
  seats: 1,
  rounds: [{ round: 1, tallies: { otter: 2, heron: 0, fox: 0 }, elected: ["otter"], eliminated: [] }],
  winners: ["otter"],
  tieBreaks: [],
  abstentions: 2,
  pairwise: {
    otter: { otter: 0, heron: 6, fox: 7 },
    heron: { otter: 4, heron: 0, fox: 5 },
    fox: { otter: 3, heron: 5, fox: 0 },
  },
  condorcetWinner: "otter",
};

// The scoring round picks Nashville and Chattanooga; 10 ballots score the two the same.
const capital = labelled("Memphis", "Nashville", "Chattanooga", "Knoxville");
const star: MethodCount = {
  method: "star",
  seats: 1,
  rounds: [
    {
      round: 1,
      tallies: { memphis: 210, nashville: 293, chattanooga: 262, knoxville: 235 },
      elected: [],
      eliminated: ["memphis", "knoxville"],
    },
    {
      round: 2,
      tallies: { nashville: 58, chattanooga: 32 },
      exhausted: 10,
      elected: ["nashville"],
      eliminated: ["chattanooga"],
    },
  ],
  winners: ["nashville"],
  tieBreaks: [],
  abstentions: 0,
};

// Two seats: Ada has the most votes; Bo and Cy tie for the second seat and the lot picks Cy.
const board = labelled("Ada", "Bo", "Cy", "Di");
const plurality: MethodCount = {
  method: "plurality",
  seats: 2,
  rounds: [{ round: 1, tallies: { ada: 10, bo: 7, cy: 7, di: 2 }, elected: ["ada", "cy"], eliminated: [] }],
  winners: ["ada", "cy"],
  tieBreaks: [
    {
      round: 1,
      deciding: "the last of 2 seats",
      between: ["bo", "cy"],
      chosen: ["cy"],
      rule: "lot",
      explanation:
        "bo and cy tied with 7 votes each for the last of 2 seats; by lot drawn from the published seed, cy is elected.",
    },
  ],
  abstentions: 1,
};

describe("the figures of a count", () => {
  it("keep every decimal the count carries, in the site's locale, never as an exponent", () => {
    expect(tallyFormat("en")(25.000000001)).toBe("25.000000001");
    expect(tallyFormat("en")(12.5)).toBe("12.5");
    expect(tallyFormat("en")(0.000000001)).toBe("0.000000001");
    expect(tallyFormat("en")(1e21)).toBe("1,000,000,000,000,000,000,000");
    expect(tallyFormat("de")(1234.33333)).toBe("1.234,33333");
  });

  it("name the method and the tie rules in words, never by their codes", () => {
    expect(methodInWords("stv-meek")).toBe("Single transferable vote (Meek)");
    expect(methodInWords("stv-scottish")).toBe("Single transferable vote (Scottish rules)");
    expect(methodInWords("star")).toBe("STAR (score then automatic runoff)");
    expect(methodInWords("borda")).toBe("Borda count");
    expect(tieRuleInWords("lot")).toBe("a lot drawn from the published seed");
    expect(tieRuleInWords("look-back")).toBe("looking back at earlier rounds");
  });
});

describe("a three-seat Meek count", () => {
  it("names the winners in the order elected and says the seats are filled", () => {
    expect(electedInOrder(council, meek).map((o) => o.label)).toEqual(["Alice", "Bob", "Carol"]);
    expect(seatsFilledSentence(meek)).toBe("3 of 3 seats filled.");
    expect(seatsFilledSentence({ ...meek, winners: ["alice"] })).toBe("1 of 3 seats filled.");
  });

  it("tabulates each round's fractional tallies, the marks, the exhausted votes and the quota", () => {
    const table = countRoundsTable("Council", council, meek);
    expect(table.caption).toBe("Council: the count, round by round");
    expect(table.columns.map((c) => c.header)).toEqual(["Round 1", "Round 2", "Round 3"]);
    const cells = Object.fromEntries(table.rows.map((row) => [row.key, row.cells]));
    expect(cells["option-alice"]).toEqual(["40 (elected)", "25.000000001", "24.333333334"]);
    expect(cells["option-bob"]).toEqual(["22", "23.5", "27.5 (elected)"]);
    expect(cells["option-erin"]).toEqual(["8", "10.999999999 (eliminated)", "out"]);
    expect(cells["exhausted"]).toEqual(["0", "0", "2.666666666"]);
    expect(cells["quota"]).toEqual(["25.000000001", "25.000000001", "24.333333334"]);
    expect(table.rows.filter((row) => row.elected).map((row) => row.label)).toEqual(["Alice", "Bob", "Carol"]);
    expect(table.rows.map((row) => row.label).slice(-2)).toEqual(["Votes with no choice left", "Quota"]);
  });

  it("tells each transfer: a surplus from an elected option, votes from an excluded one, most first", () => {
    const transfers = countTransfers(council, meek);
    expect(transfers.map((t) => [t.key, t.afterRound, t.from, t.what])).toEqual([
      ["1-alice", 1, "Alice", "surplus"],
      ["2-erin", 2, "Erin", "votes"],
    ]);
    expect(transfers.map((t) => countTransferSentence(t))).toEqual([
      "After round 1, Alice's surplus moved: 6 to Carol, 4.5 to Dan, 2.999999999 to Erin, 1.5 to Bob.",
      "After round 2, Erin's votes moved: 4.333333333 to Dan, 3.5 to Bob, 0.5 to Carol, 2.666666666 ran out of choices.",
    ]);
  });

  it("says when an option gave votes back, and when nothing moved", () => {
    const [transfer] = countTransfers(council, {
      ...meek,
      rounds: [{ ...meek.rounds[0]!, transfers: [{ from: "erin", to: { bob: 0.7, alice: -0.2 }, exhausted: 0 }] }],
    });
    expect(countTransferSentence(transfer!)).toBe(
      "After round 1, Erin's votes moved: 0.7 to Bob, 0.2 fewer for Alice.",
    );
    expect(
      countTransferSentence({ key: "3-bob", afterRound: 3, from: "Bob", what: "surplus", to: [], exhausted: 0 }),
    ).toBe("After round 3, Bob had no surplus to move.");
  });
});

describe("a Schulze count", () => {
  it("shows the head-to-head matrix, row over column, and the Condorcet winner", () => {
    const matrix = pairwiseTable("Mascot", mascot, schulze)!;
    expect(matrix.caption).toBe("Mascot: how many voters preferred each row's option over each column's");
    expect(matrix.columns.map((c) => c.header)).toEqual(["over Otter", "over Heron", "over Fox"]);
    expect(matrix.rows.map((row) => [row.label, ...row.cells])).toEqual([
      ["Otter", "", "6", "7"],
      ["Heron", "4", "", "5"],
      ["Fox", "3", "5", ""],
    ]);
    expect(condorcetSentence(mascot, schulze)).toBe(
      "Otter is the Condorcet winner: preferred head to head over every other option.",
    );
    expect(condorcetSentence(mascot, { ...schulze, condorcetWinner: null })).toBe(
      "There is no Condorcet winner: no option was preferred head to head over every other.",
    );
    // A method that reports no matrix has neither.
    expect(pairwiseTable("Council", council, meek)).toBeUndefined();
    expect(condorcetSentence(council, meek)).toBeUndefined();
  });

  it("heads its single round by what it counts, and counts the empty ballots", () => {
    const table = countRoundsTable("Mascot", mascot, schulze);
    expect(table.caption).toBe("Mascot: the count");
    expect(table.columns.map((c) => c.header)).toEqual(["Options beaten by strongest path"]);
    expect(table.rows.map((row) => row.cells[0])).toEqual(["2 (elected)", "0", "0"]);
    expect(abstentionsSentence(schulze)).toBe("2 ballots marked nothing and took no part in the count.");
    expect(abstentionsSentence(meek)).toBeUndefined();
  });
});

describe("a STAR count", () => {
  it("says who the runoff preferred, winner first, and the ballots with no preference", () => {
    expect(starRunoffSentence(capital, star)).toBe(
      "Runoff between the two highest scores: Nashville preferred on 58 ballots, Chattanooga on 32, 10 scored both the same.",
    );
    const chattanoogaWins: MethodCount = {
      ...star,
      rounds: [
        star.rounds[0]!,
        { round: 2, tallies: { nashville: 1, chattanooga: 2 }, exhausted: 0, elected: ["chattanooga"], eliminated: [] },
      ],
      winners: ["chattanooga"],
    };
    expect(starRunoffSentence(capital, chattanoogaWins)).toBe(
      "Runoff between the two highest scores: Chattanooga preferred on 2 ballots, Nashville on 1.",
    );
    expect(starRunoffSentence(mascot, schulze)).toBeUndefined();
  });

  it("heads the scoring round by total score and the runoff by ballots preferring", () => {
    const table = countRoundsTable("Capital", capital, star);
    expect(table.columns.map((c) => c.header)).toEqual(["Total score", "Runoff: ballots preferring it"]);
    const cells = Object.fromEntries(table.rows.map((row) => [row.label, row.cells]));
    expect(cells["Memphis"]).toEqual(["210 (eliminated)", "out"]);
    expect(cells["Nashville"]).toEqual(["293", "58 (elected)"]);
    expect(cells["Chattanooga"]).toEqual(["262", "32 (eliminated)"]);
    expect(cells["Scored both finalists the same"]).toEqual(["", "10"]);
  });
});

describe("a two-seat plurality count with a tie", () => {
  it("lists the tie with its options' labels, the rule in words and the engine's record", () => {
    expect(tieBreakItems(board, plurality)).toEqual([
      {
        key: "tie-0",
        sentence: "Round 1: Bo and Cy were tied. Chosen: Cy. Tie rule: a lot drawn from the published seed.",
        explanation: plurality.tieBreaks[0]!.explanation,
      },
    ]);
    const unnumbered = {
      ...plurality,
      tieBreaks: [{ ...plurality.tieBreaks[0]!, round: 0, rule: "option-order" as const }],
    };
    expect(tieBreakItems(board, unnumbered)[0]!.sentence).toBe(
      "Bo and Cy were tied. Chosen: Cy. Tie rule: the order of the options on the ballot.",
    );
  });

  it("heads its figures as votes and marks the two elected", () => {
    const table = countRoundsTable("Board", board, plurality);
    expect(table.columns.map((c) => c.header)).toEqual(["Votes"]);
    expect(table.rows.map((row) => row.cells[0])).toEqual(["10 (elected)", "7", "7 (elected)", "2"]);
    expect(seatsFilledSentence(plurality)).toBe("2 of 2 seats filled.");
  });
});

describe("which counts need this view", () => {
  const plain = { method: "instant-runoff" as const, seats: 1, rounds: [], tieBreaks: [] };
  const tie = { round: 1, deciding: "elimination", between: ["a", "b"], chosen: ["b"], explanation: "" };
  it("leaves a one-seat plurality, approval or runoff to the views that always told it", () => {
    expect(needsMethodView(plain)).toBe(false);
    expect(needsMethodView({ ...plain, method: "plurality" })).toBe(false);
    expect(needsMethodView({ ...plain, tieBreaks: [{ ...tie, rule: "look-back" }] })).toBe(false);
    expect(needsMethodView({ ...plain, tieBreaks: [{ ...tie, rule: "option-order" }] })).toBe(false);
  });
  it("takes several seats, another method, a batch elimination, and a tie settled by lot or by a recorded draw", () => {
    expect(needsMethodView({ ...plain, seats: 2 })).toBe(true);
    expect(needsMethodView({ ...plain, method: "schulze" })).toBe(true);
    const round = { round: 1, tallies: { a: 1, b: 0, c: 0 }, elected: [], eliminated: ["b", "c"] };
    expect(needsMethodView({ ...plain, rounds: [round] })).toBe(true);
    expect(needsMethodView({ ...plain, tieBreaks: [{ ...tie, rule: "lot" }] })).toBe(true);
    expect(needsMethodView({ ...plain, tieBreaks: [{ ...tie, rule: "recorded-draw" }] })).toBe(true);
  });
});

describe("the markup", () => {
  const html = (count: MethodCount, options = council, prompt = "Council") =>
    renderToStaticMarkup(<MethodCountView prompt={prompt} options={options} count={count} headingLevel={3} />);

  it("shows an STV count: method, winners in order, moves, and the rounds table with its caption", () => {
    const out = html(meek);
    expect(out).toContain("<h3><bdi>Council</bdi></h3>");
    expect(out).toContain("Counting method: Single transferable vote (Meek)");
    expect(out).toContain(
      "<p>Elected, in the order of election:</p><ol><li><strong><bdi>Alice</bdi></strong></li><li><strong><bdi>Bob</bdi></strong></li><li><strong><bdi>Carol</bdi></strong></li></ol>",
    );
    expect(out).toContain("<p>3 of 3 seats filled.</p>");
    expect(out).toContain("<li>After round 2, Erin&#x27;s votes moved: 4.333333333 to Dan");
    expect(out).toContain("<caption>Council: the count, round by round</caption>");
    // Elected is said in words beside the name, not by colour alone.
    expect(out).toMatch(/<bdi>Alice<\/bdi> <span class="ls-badge ls-tone-success">Elected<\/span>/);
    expect(out).toMatch(/<th scope="row"[^>]*>Quota<\/th>/);
  });

  it("shows a Schulze count's matrix in a named, scrollable table and its Condorcet winner", () => {
    const out = html(schulze, mascot, "Mascot");
    expect(out).toContain("Elected: <strong><bdi>Otter</bdi></strong>");
    expect(out).toContain('<span class="ls-badge ls-tone-success">Winner</span>');
    expect(out).toContain("Otter is the Condorcet winner");
    expect(out).toContain(
      'role="region" aria-label="Mascot: how many voters preferred each row&#x27;s option over each column&#x27;s"',
    );
    expect(out).toMatch(/<th scope="col"[^>]*>over Heron<\/th>/);
    expect(out).toContain("2 ballots marked nothing and took no part in the count.");
    expect(out).not.toContain("seats filled");
  });

  it("shows a STAR runoff and a plurality tie, the engine's record marked as English", () => {
    expect(html(star, capital, "Capital")).toContain(
      "<p>Runoff between the two highest scores: Nashville preferred on 58 ballots",
    );
    const out = html(plurality, board, "Board");
    expect(out).toContain("<p>Ties, and how they were broken:</p>");
    expect(out).toContain("Round 1: Bo and Cy were tied. Chosen: Cy.");
    expect(out).toContain(`<span lang="en" dir="ltr">${plurality.tieBreaks[0]!.explanation}</span>`);
    expect(out).toContain("1 ballot marked nothing");
  });

  it("says when no one was elected, and shows no empty table", () => {
    const out = html({ method: "schulze", seats: 1, rounds: [], winners: [], tieBreaks: [], abstentions: 0 }, mascot);
    expect(out).toContain("No one was elected: no ballot supported any option.");
    expect(out).toContain("0 of 1 seat filled.");
    expect(out).not.toContain("<table");
  });

  it("speaks the site's language under a UiTextProvider, figures in its locale", () => {
    const marked: UiText = {
      locale: "de",
      dateLocale: "de",
      dir: "ltr",
      say: (key, ...values) => `«${(englishSentences[key] as (v: object) => string)(values[0] ?? {})}»`,
      authFailure: (failure) => failure.message,
    };
    const out = renderToStaticMarkup(
      <UiTextProvider value={marked}>
        <MethodCountView prompt="Rat" options={council} count={meek} headingLevel={4} />
      </UiTextProvider>,
    );
    expect(out).toContain("<h4><bdi>Rat</bdi></h4>");
    expect(out).toContain("«Counting method: «Single transferable vote (Meek)»»");
    expect(out).toContain("«24,5 (elected)»");
    expect(out).toContain(">24,333333334<");
    expect(out).toContain("«4,333333333 to Dan»");
  });

  it("isolates each name of a list on a right-to-left page", () => {
    const rtl: UiText = {
      locale: "ar",
      dateLocale: "ar",
      dir: "rtl",
      say: (key, ...values) => (englishSentences[key] as (v: object) => string)(values[0] ?? {}),
      authFailure: (failure) => failure.message,
    };
    expect(tieBreakItems(board, plurality, rtl)[0]!.sentence).toContain("\u2068Bo\u2069 و\u2068Cy\u2069");
  });
});
