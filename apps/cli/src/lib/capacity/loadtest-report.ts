import { z } from "zod";
import { numberIn, type Parsed } from "./inputs";

/**
 * A per-task figure from a load test: the report `election loadtest --json` writes. Only what the
 * figure needs is checked (the report carries more); a report without its throughput is refused
 * with what to run instead.
 */

const count = z.number().int().nonnegative();

const loadtestReportSchema = z.object({
  machine: z.object({ cores: z.number().int().positive(), cpu: z.string() }).partial().optional(),
  plan: z.object({ rate: z.number().positive(), durationSeconds: z.number().positive() }).partial().optional(),
  outcomes: z.object({ shed: count, unanswered: count }).partial().optional(),
  attempts: z.object({ shed: count }).partial().optional(),
  /** Casts answered per second over the run (refusals included: each was served). */
  throughput: z
    .number({ error: (issue) => (issue.input === undefined ? "missing" : "must be a number") })
    .positive({ error: "must be above 0" }),
});

export interface LoadtestFigure {
  readonly castsPerTaskSecond: number;
  readonly throughput: number;
  readonly tasks: number;
  readonly plannedRate: number | undefined;
  /** Casts were shed or the run fell short of its rate: the figure is the tasks' ceiling. */
  readonly saturated: boolean;
  readonly note: string;
}

/**
 * The casts per task-second a load-test report shows: its throughput over the vote-API tasks that
 * served it (`tasks`: 1 for the local stack). A run that was not saturated answered all it was sent,
 * so its throughput is a floor on what a task does, and the note says so.
 */
export function loadtestFigure(text: string, file: string, tasksGiven: unknown = 1): Parsed<LoadtestFigure> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return refused(
      `${file} is not JSON (${(error as Error).message}): write the report with 'election loadtest … --json > report.json'.`,
    );
  }
  const parsed = loadtestReportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join(".") || "the report";
    if (issue.path[0] === "throughput" && json !== null && typeof json === "object" && !("throughput" in json))
      return refused(
        `${file} has no "throughput" (the casts answered per second that 'election loadtest --json' reports): is it a load-test report? Write one with 'election loadtest … --json > report.json', or give the figure with --casts-per-task-second.`,
      );
    return refused(`${file}: ${field}: ${issue.message}; it is not a report 'election loadtest --json' wrote.`);
  }
  const taskCount = numberIn({ min: 1, whole: true }).safeParse(tasksGiven);
  if (!taskCount.success) return refused(`--loadtest-tasks: ${taskCount.error.issues[0]!.message}.`);
  const tasks = taskCount.data;

  const report = parsed.data;
  const plannedRate = report.plan?.rate;
  const shed = (report.outcomes?.shed ?? 0) + (report.attempts?.shed ?? 0);
  const short = plannedRate !== undefined && report.throughput < 0.9 * plannedRate;
  const saturated = shed > 0 || short;
  const rate = plannedRate === undefined ? "" : ` of ${plannedRate} planned`;
  const where = report.machine?.cores
    ? ` on ${report.machine.cores} cores${report.machine.cpu ? ` (${report.machine.cpu})` : ""}`
    : "";
  return {
    ok: true,
    value: {
      castsPerTaskSecond: report.throughput / tasks,
      throughput: report.throughput,
      tasks,
      plannedRate,
      saturated,
      note: saturated
        ? `${file}: ${report.throughput} casts/s answered${rate}${where} over ${tasks === 1 ? "1 vote-API task" : `${tasks} vote-API tasks`}, saturated (${shed > 0 ? `${shed} shed` : "short of its rate"}): taken as the tasks' ceiling`
        : `${file}: ${report.throughput} casts/s answered${rate}${where} over ${tasks === 1 ? "1 vote-API task" : `${tasks} vote-API tasks`}, not saturated (it answered what it was sent): a floor, the tasks may do more`,
    },
  };
}

const refused = (problem: string): Parsed<never> => ({ ok: false, problems: [problem] });
