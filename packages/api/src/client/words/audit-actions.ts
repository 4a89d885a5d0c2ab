import { type Words, wordsIn } from "./words";

/**
 * What each action of the audit trail means, for the console's audit page and `election audit`.
 * The action names are what the routers pass to recordAction (and the aggregator's coordination
 * watch records); test/audit-action-words.test.ts reads them from the source, so an action added
 * there without words here fails that test.
 */
const WORDS = {
  "election.create": { label: "Election created", help: "An official created this election as a draft." },
  "election.update": {
    label: "Election edited",
    help: "An official changed the election's title, description, rules or questions.",
  },
  "election.schedule": {
    label: "Voting times set",
    help: "An official set or changed when voting opens and closes.",
  },
  "election.transition": {
    label: "Status changed",
    help: "An official moved the election to another stage: scheduled, open, paused, closed or certified.",
  },
  "election.recount": {
    label: "Recount run",
    help: "An official recounted every stored ballot and compared the result with the live count.",
  },
  "roll.import": {
    label: "Voter roll imported",
    help: "An official added voters to the roll of an election that only its roll may vote in.",
  },
  "mail.reminder-schedule": {
    label: "Reminder scheduled",
    help: "An official scheduled a reminder to everyone on the roll who has not voted by then.",
  },
  "mail.reminder-cancel": {
    label: "Reminder cancelled",
    help: "An official cancelled a reminder before it went out.",
  },
  "mail.retry": {
    label: "Failed mail sent again",
    help: "An official put the messages that failed every try back in the queue.",
  },
  "fraud.release": {
    label: "Held ballots released",
    help: "An official reviewed held ballots and released them: they are counted.",
  },
  "fraud.void": {
    label: "Held ballots voided",
    help: "An official reviewed held ballots and voided them: they are not counted.",
  },
  "fraud.withhold": {
    label: "Counted ballots held back",
    help: "The platform took counted ballots back for review because many came from one network with the same answer.",
  },
  "network-list.import": {
    label: "Network list imported",
    help: "An operator imported a list of networks (hosting, anonymising or abusive) that the risk check uses.",
  },
  "network-list.remove": {
    label: "Network list removed",
    help: "An operator removed a list of networks from the risk check.",
  },
} as const satisfies Record<string, Words>;

export type AuditAction = keyof typeof WORDS;

/** Every action the audit trail records, in the order above: for a filter's choices. */
export const auditActions = Object.keys(WORDS) as AuditAction[];

/** An audit action in plain words; one this version does not know gets a label made from it. */
export function auditActionWords(action: string): Words {
  return wordsIn(WORDS, action);
}
