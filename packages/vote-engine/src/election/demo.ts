import type { Clock } from "../ports";
import type { Election } from "./definition";

/** A stable id, so provisioning can tell that the demo election already exists. */
export const DEMO_ELECTION_ID = "00000000-0000-4000-8000-00000000de30";

/** The demo's texts in the voter site's other languages; the candidates' names change only where the script does. */
const demoTranslations = {
  es: {
    title: "Elección de demostración de Landslide",
    description: "Una elección de demostración con una pregunta de cada tipo. Nada aquí es vinculante.",
    questions: {
      mascot: {
        prompt: "¿Qué animal debería ser la mascota de la ciudad?",
        options: { heron: "Garza", otter: "Nutria", fox: "Zorro" },
      },
      parks: {
        prompt: "¿Qué parques deberían tener nuevos parques infantiles? Elija de uno a tres.",
        options: {
          riverside: "Parque de la Ribera",
          hilltop: "Jardines de la Colina",
          harbour: "Prado del Puerto",
          oakwood: "Campo del Robledal",
        },
      },
      "council-chair": { prompt: "Ordene a los candidatos a la presidencia del consejo según su preferencia." },
    },
  },
  fr: {
    title: "Élection de démonstration Landslide",
    description: "Une élection de démonstration avec une question de chaque type. Rien ici n’engage personne.",
    questions: {
      mascot: {
        prompt: "Quel animal devrait être la mascotte de la ville ?",
        options: { heron: "Héron", otter: "Loutre", fox: "Renard" },
      },
      parks: {
        prompt: "Quels parcs devraient recevoir de nouvelles aires de jeux ? Choisissez-en un à trois.",
        options: {
          riverside: "Parc de la Rive",
          hilltop: "Jardins de la Colline",
          harbour: "Pelouse du Port",
          oakwood: "Pré de la Chênaie",
        },
      },
      "council-chair": { prompt: "Classez les candidats à la présidence du conseil par ordre de préférence." },
    },
  },
  de: {
    title: "Landslide-Demowahl",
    description: "Eine Demowahl mit je einer Frage jeder Art. Nichts hier ist verbindlich.",
    questions: {
      mascot: {
        prompt: "Welches Tier soll das Maskottchen der Stadt werden?",
        options: { heron: "Reiher", otter: "Otter", fox: "Fuchs" },
      },
      parks: {
        prompt: "Welche Parks sollen neue Spielplätze bekommen? Wählen Sie einen bis drei.",
        options: {
          riverside: "Uferpark",
          hilltop: "Hügelgärten",
          harbour: "Hafenwiese",
          oakwood: "Eichenwaldanger",
        },
      },
      "council-chair": { prompt: "Ordnen Sie die Kandidierenden für den Ratsvorsitz nach Ihrer Präferenz." },
    },
  },
  ar: {
    title: "انتخابات لاندسلايد التجريبية",
    description: "انتخابات تجريبية بسؤال واحد من كل نوع. لا شيء هنا ملزم.",
    questions: {
      mascot: {
        prompt: "أي حيوان يجب أن يكون تميمة المدينة؟",
        options: { heron: "مالك الحزين", otter: "ثعلب الماء", fox: "الثعلب" },
      },
      parks: {
        prompt: "أي الحدائق يجب أن تحصل على ملاعب أطفال جديدة؟ اختر من واحدة إلى ثلاث.",
        options: {
          riverside: "حديقة ضفة النهر",
          hilltop: "حدائق التلة",
          harbour: "مرج الميناء",
          oakwood: "ساحة غابة البلوط",
        },
      },
      "council-chair": {
        prompt: "رتّب المرشحين لرئاسة المجلس حسب تفضيلك.",
        options: { ada: "آدا أوكافور", bruno: "برونو ليندكفيست", chen: "تشن وي", dolores: "دولوريس رويث" },
      },
    },
  },
} satisfies Election["translations"];

/**
 * The election a new user finds open after `npm run dev`: one question of each kind, written in
 * English and translated into the voter site's other languages (docs/languages.md).
 */
export function demoElection(clock: Clock): Election {
  const now = clock.now();
  return {
    id: DEMO_ELECTION_ID,
    title: "Landslide Demo Election",
    description: "A demonstration election with one question of each kind. Nothing here is binding.",
    language: "en",
    translations: demoTranslations,
    status: "open",
    allowAbstain: true,
    eligibility: "any-signed-in-voter",
    // Open to every device, so the CLI and the load test can vote in it too.
    passkeyPolicy: "optional",
    opensAt: now,
    closesAt: new Date(now.getTime() + 30 * 24 * 3600 * 1000),
    questions: [
      {
        id: "mascot",
        kind: "single",
        prompt: "Which animal should be the city's mascot?",
        minChoices: 1,
        maxChoices: 1,
        options: [
          { id: "heron", label: "Heron" },
          { id: "otter", label: "Otter" },
          { id: "fox", label: "Fox" },
        ],
      },
      {
        id: "parks",
        kind: "multi",
        prompt: "Which parks should get new playgrounds? Choose one to three.",
        minChoices: 1,
        maxChoices: 3,
        options: [
          { id: "riverside", label: "Riverside Park" },
          { id: "hilltop", label: "Hilltop Gardens" },
          { id: "harbour", label: "Harbour Green" },
          { id: "oakwood", label: "Oakwood Common" },
        ],
      },
      {
        id: "council-chair",
        kind: "ranked",
        prompt: "Rank the candidates for council chair in order of preference.",
        minChoices: 1,
        maxChoices: 4,
        options: [
          { id: "ada", label: "Ada Okafor" },
          { id: "bruno", label: "Bruno Lindqvist" },
          { id: "chen", label: "Chen Wei" },
          { id: "dolores", label: "Dolores Ruiz" },
        ],
      },
    ],
  };
}
