import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Args, Errors, Flags, ux } from "@oclif/core";
import { networkCategories, networkListParts, readNetworkList } from "@landslide/api/client";
import { count, table } from "../../lib/format";
import { checkedReason, OfficialCommand } from "../../lib/official-command";
import { progressBar } from "../../lib/progress-bar";
import { EXIT } from "../../lib/public-client";

export default class ThreatsImport extends OfficialCommand {
  static override summary =
    "Import a list of networks (a threat feed) that the vote API weighs in every cast's risk score.";
  static override description = [
    "FILE is a text file with one IP address or CIDR range per line (Tor's exit list, FireHOL netsets, Spamhaus DROP; '#' and ';' start comments), or a JSON file shaped like AWS's ip-ranges.json. The category says what the networks are and so which signal a cast from them raises: hosting (data centres and VPN exits, weak), anonymizer (Tor exits and open proxies, weak), abuse (known bad networks, enough to hold a ballot for review on its own).",
    "The file is parsed here and sent in parts with a progress bar; the list goes live whole, replacing the previous import of the same name, and every vote-API task picks it up within LANDSLIDE_NETWORK_LISTS_REFRESH_SECONDS (60 by default) without a restart. Needs the operators role; each import is recorded in the audit trail. Lines that are not an address or range are listed and left out (exit 1); the rest are imported.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %> tor-exits.txt --category anonymizer --reason 'Tor exit list of 2 Dec'",
    "<%= config.bin %> <%= command.id %> ip-ranges.json --name aws --category hosting --reason 'AWS ranges, monthly refresh' --json",
  ];
  static override args = {
    file: Args.file({
      description: "the list: one address or range per line, or an ip-ranges.json",
      required: true,
      exists: true,
    }),
  };
  static override flags = {
    name: Flags.string({
      description: "the list's name (default: the file's name); importing the same name again replaces it",
    }),
    category: Flags.option({ options: networkCategories, description: "what the networks are", required: true })(),
    format: Flags.option({
      options: ["auto", "text", "aws-ip-ranges"] as const,
      default: "auto" as const,
      description: "the file's format; auto reads JSON as ip-ranges.json",
    })(),
    reason: Flags.string({ description: "why, kept in the audit trail beside who and when", required: true }),
  };

  async run() {
    const { args, flags } = await this.parse(ThreatsImport);
    const reason = checkedReason(flags.reason);
    const name = flags.name ?? listName(args.file);
    let file;
    try {
      file = readNetworkList(await readFile(args.file, "utf8"), flags.format);
    } catch (error) {
      throw new Errors.CLIError(`${args.file}: ${(error as Error).message}`, { exit: EXIT.usage });
    }
    if (file.entries === 0)
      throw new Errors.CLIError(
        `${args.file} holds no address or range${file.errors.length > 0 ? ` (${count(file.errors.length, "line")} could not be read)` : ""}.`,
        { exit: EXIT.usage },
      );

    const client = await this.signedIn(flags.profile);
    const parts = networkListParts(file.intervals);
    const importId = randomUUID();
    const bar = this.jsonEnabled() ? undefined : progressBar("parts", parts.length);
    for (const [i, intervals] of parts.entries()) {
      await client.controlQuietly((api) =>
        api.operator.networkLists.stage.mutate({ name, importId, part: i + 1, intervals: intervals as never }),
      );
      bar?.update(i + 1);
    }
    bar?.stop();
    const ranges = file.intervals.v4.length + file.intervals.v6.length;
    const live = await client.control("Making the list live", (api) =>
      api.operator.networkLists.commit.mutate({
        name,
        importId,
        parts: parts.length,
        category: flags.category,
        ranges,
        source: basename(args.file),
        reason,
      }),
    );

    if (!this.jsonEnabled()) {
      this.log(
        `${name} (${flags.category}) is live: ${count(file.entries, "entry", "entries")} read as ${count(ranges, "range")}. Vote-API tasks pick it up within a minute.`,
      );
      if (file.errors.length > 0) {
        this.log(`\n${count(file.errors.length, "line")} left out (not an address or range):`);
        ux.stdout(
          table(
            file.errors.slice(0, 20),
            [
              { header: "LINE", value: (e) => e.line, align: "right" },
              { header: "TEXT", value: (e) => e.text },
            ],
            "  ",
          ),
        );
        if (file.errors.length > 20) this.log(`  … and ${file.errors.length - 20} more.`);
      }
    }
    if (file.errors.length > 0) process.exitCode = EXIT.failed;
    return { ...live, format: file.format, entries: file.entries, errors: file.errors };
  }
}

/** A file's name as a list name: tor-exits.txt → tor-exits. */
function listName(file: string): string {
  const stem = basename(file)
    .replace(/\.[^.]*$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63);
  if (!/^[a-z0-9]/.test(stem))
    throw new Errors.CLIError(`Name the list with --name: "${basename(file)}" does not make one.`, {
      exit: EXIT.usage,
    });
  return stem;
}
