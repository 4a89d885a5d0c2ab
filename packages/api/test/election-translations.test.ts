import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readSesMailbox } from "@landslide/local-stack";
import { createDynamoDbClient, DynamoDbElectionCopies } from "@landslide/vote-engine/dynamodb";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import {
  createLandslideClient,
  type LandslideClient,
  localizedElection,
  memoryDeviceKeyStore,
  refusalOf,
} from "../src/client/index";
import { type Deployment, startDeployment } from "../src/testing/index";
import { waitFor } from "./wait-for";

/**
 * An election's texts in several languages, through the real services (control API, vote API,
 * results service, mail sender) on Postgres, DynamoDB Local, cognito-local and the local SES
 * server: stored and given back wherever the definition goes, refused with a reason when they do
 * not fit the election, and used for the title in each voter's mail.
 */
let stack: TestStack;
let deployment: Deployment;
let board: LandslideClient;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack);
  board = createLandslideClient({
    urls: deployment.urls,
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds.console,
    },
    deviceKeys: memoryDeviceKeyStore(),
  });
  const official = stack.provisioned.accounts.find((a) => a.group === "officials")!;
  await board.auth.signIn(official.email, official.password);
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

const question = {
  id: "pier",
  kind: "single" as const,
  prompt: "Build the pier?",
  options: [
    { id: "yes", label: "Yes, build it" },
    { id: "no", label: "No" },
  ],
};

const translations = {
  es: {
    title: "Referéndum del muelle",
    description: "Una pregunta.",
    questions: { pier: { prompt: "¿Construir el muelle?", options: { yes: "Sí, construirlo", no: "No" } } },
  },
  ar: {
    title: "استفتاء الرصيف",
    questions: { pier: { prompt: "هل نبني الرصيف؟", options: { yes: "نعم، ابنوه" } } },
  },
};

const create = (title: string, more: object = {}) =>
  board.control.official.elections.create.mutate({
    election: { title, description: "One question.", questions: [question], ...more },
    reason: "translations test",
  });
const refused = (call: Promise<unknown>) =>
  call.then(
    () => undefined,
    (error: unknown) => refusalOf(error),
  );

describe("an election in several languages", () => {
  it("is stored and given back with its language and translations by the control API, the vote API, the results service and the data plane's copy", async () => {
    const created = await create("Pier referendum", { language: "en", translations });
    expect(created).toMatchObject({ language: "en", translations });
    await board.control.official.elections.transition.mutate({
      electionId: created.id,
      to: "open",
      reason: "polls open",
    });

    const [listed, voteApi, results] = await Promise.all([
      board.control.official.elections.list.query(),
      board.vote.elections.get.query({ electionId: created.id }),
      board.results.elections.get.query({ electionId: created.id }),
    ]);
    expect(listed.find((e) => e.id === created.id)).toMatchObject({ language: "en", translations });
    expect(voteApi).toMatchObject({ title: "Pier referendum", language: "en", translations });
    expect(results).toMatchObject({ language: "en", translations });
    expect((await board.vote.elections.list.query()).find((e) => e.id === created.id)).toMatchObject({
      translations,
    });

    // What voting reads: the data plane's copy in DynamoDB.
    const dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
    try {
      const copy = await new DynamoDbElectionCopies(dynamodb, stack.provisioned.tables.elections).get(created.id);
      expect(copy).toMatchObject({ language: "en", translations });
    } finally {
      dynamodb.destroy();
    }

    // As the voter site shows it: Arabic where it is translated, the election's English where not.
    const arabic = localizedElection(voteApi, ["ar"]);
    expect(arabic.election.title).toBe("استفتاء الرصيف");
    expect(arabic.election.description).toBe("One question.");
    expect(arabic.election.questions[0]!.options.map((o) => o.label)).toEqual(["نعم، ابنوه", "No"]);
    expect(arabic.texts.questions.pier!.options).toEqual({ yes: "ar", no: "en" });

    // The results snapshot names options by id and keeps the election's own words: it is one document for every watcher.
    const snapshot = await board.results.results.snapshot.query({ electionId: created.id });
    expect(snapshot.questions[0]!.options.map((o) => o.label)).toEqual(["Yes, build it", "No"]);
  });

  it("refuses a translation that does not fit the election, with a reason and where it is; a bad language tag as invalid input", async () => {
    const [unknownOption, ownLanguage, unknownQuestion, badTag] = await Promise.all([
      refused(
        create("Bad option", { translations: { es: { questions: { pier: { options: { maybe: "Quizás" } } } } } }),
      ),
      refused(create("Own language", { language: "es", translations: { es: { title: "Muelle" } } })),
      refused(create("Bad question", { translations: { fr: { questions: { quay: { prompt: "Quai ?" } } } } })),
      refused(create("Bad tag", { translations: { "es-mx": { title: "Muelle" } } })),
    ]);
    expect(unknownOption).toMatchObject({
      reason: "INVALID_TRANSLATION",
      httpStatus: 400,
      message:
        'The translation into "es" names the option "maybe" of the question "pier", which that question does not offer.',
      details: {
        problem: "unknown-option",
        path: ["translations", "es", "questions", "pier", "options", "maybe"],
        optionId: "maybe",
      },
    });
    expect(ownLanguage).toMatchObject({ reason: "INVALID_TRANSLATION", details: { problem: "own-language" } });
    expect(unknownQuestion).toMatchObject({
      reason: "INVALID_TRANSLATION",
      details: { problem: "unknown-question", questionId: "quay" },
    });
    expect(badTag?.reason).toBe("INVALID_INPUT");
    expect(badTag?.message).toMatch(/Write the language tag .*es-mx.* as .*es-MX/);
    // Nothing refused was stored.
    const titles = (await board.control.official.elections.list.query()).map((e) => e.title);
    for (const title of ["Bad option", "Own language", "Bad question", "Bad tag"]) expect(titles).not.toContain(title);
  });

  it("keeps the translations through an edit that leaves them out, less what the edit removed, and replaces them when given", async () => {
    const draft = await create("Pier draft", { translations });
    const edit = (election: object) =>
      board.control.official.elections.update.mutate({
        electionId: draft.id,
        election: { title: "Pier draft", questions: [question], ...election },
        reason: "translations test",
      });
    // A form that knows nothing of translations (the console's) sends none: they stay, less the option it removed.
    const trimmed = await edit({
      questions: [{ ...question, options: [question.options[0]!, { id: "later", label: "Later" }] }],
    });
    expect(trimmed.language).toBe("en");
    expect(trimmed.translations?.es?.questions?.pier?.options).toEqual({ yes: "Sí, construirlo" });
    expect(trimmed.translations?.ar?.title).toBe("استفتاء الرصيف");
    // Given, they replace; written in French, with no translation left.
    const french = await edit({ language: "fr", translations: {} });
    expect(french).toMatchObject({ language: "fr", translations: {} });
    expect(await board.vote.elections.list.query()).not.toContainEqual(expect.objectContaining({ id: draft.id }));
    const stored = (await board.control.official.elections.list.query()).find((e) => e.id === draft.id);
    expect(stored).toMatchObject({ language: "fr", translations: {} });
    // An edit is checked as a create is.
    const badEdit = await refused(
      edit({ translations: { de: { questions: { pier: { options: { maybe: "Vielleicht" } } } } } }),
    );
    expect(badEdit?.reason).toBe("INVALID_TRANSLATION");
  });

  it("refuses a definition whose translations would outgrow the stored election, before reading it, and stores nothing", async () => {
    // An attacker's (or a careless script's) 30 languages of long texts: the control API reads at
    // most 64 KB of a request, far under DynamoDB's 400 KB item that the data plane's copy must fit in.
    const long = "x".repeat(200);
    const huge = Object.fromEntries(
      [
        "es",
        "fr",
        "de",
        "ar",
        "pt",
        "it",
        "nl",
        "pl",
        "sv",
        "fi",
        "da",
        "nb",
        "cs",
        "sk",
        "hu",
        "ro",
        "bg",
        "el",
        "tr",
        "uk",
        "ru",
        "he",
        "fa",
        "hi",
        "bn",
        "ja",
        "ko",
        "zh",
        "vi",
        "th",
      ].map((tag) => [
        tag,
        {
          title: long,
          description: "y".repeat(5000),
          questions: { pier: { prompt: long, options: { yes: long, no: long } } },
        },
      ]),
    );
    const tooLarge = await refused(create("Pier referendum, too large", { translations: huge }));
    expect(tooLarge).toMatchObject({ reason: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
    const titles = (await board.control.official.elections.list.query()).map((e) => e.title);
    expect(titles).not.toContain("Pier referendum, too large");
  });

  it("shows the demo election in the voter site's five languages", async () => {
    const demo = await board.vote.elections.get.query({ electionId: DEMO_ELECTION_ID });
    expect(demo.language).toBe("en");
    expect(Object.keys(demo.translations ?? {}).sort()).toEqual(["ar", "de", "es", "fr"]);
    expect(localizedElection(demo, ["es"]).election.questions[0]!.options.map((o) => o.label)).toEqual([
      "Garza",
      "Nutria",
      "Zorro",
    ]);
  });
});

describe("mail about an election in several languages", () => {
  it("names the election in each voter's language where it has one, else as the official wrote it", async () => {
    const election = await create("Pier referendum by mail", {
      eligibility: "voter-roll",
      translations: { es: { title: "Referéndum del muelle por correo" } },
    });
    await board.control.official.voterRoll.import.mutate({
      electionId: election.id,
      rows: [
        { email: "lucia@translations.landslide.test", language: "es" },
        { email: "karim@translations.landslide.test", language: "ar" },
      ],
    });
    await board.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "polls open",
    });
    const mail = await waitFor(async () => {
      const all = (await readSesMailbox(deployment.sesEndpoint)).filter((e) => e.body.text?.includes(election.id));
      return all.length >= 2 ? all : undefined;
    }, 30_000);
    const to = (address: string) => mail.find((e) => e.destination.to.includes(address))!;
    const spanish = to("lucia@translations.landslide.test");
    expect(spanish.subject).toMatch(/^Está invitado a votar/);
    expect(spanish.subject).toContain("Referéndum del muelle por correo");
    expect(spanish.body.html).toContain("Referéndum del muelle por correo");
    // No Arabic title: the Arabic message names the election as written.
    const arabic = to("karim@translations.landslide.test");
    expect(arabic.subject).toMatch(/^أنت مدعو للتصويت/);
    expect(arabic.subject).toContain("Pier referendum by mail");
  });
});
