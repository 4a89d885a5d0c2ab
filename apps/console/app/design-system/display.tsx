import { Alert, Badge, Button, Card, EmptyState, Stat, StatGroup, Table, type Tone } from "@landslide/ui/components";
import { GallerySection, Row } from "./gallery-section";

const tones: readonly Tone[] = ["neutral", "info", "success", "warning", "danger"];
const toneLabel: Record<Tone, string> = {
  neutral: "Draft",
  info: "Scheduled",
  success: "Certified",
  warning: "Held",
  danger: "Refused",
};

/** Badges and alerts in every tone. */
export function BadgesAndAlerts() {
  return (
    <GallerySection id="feedback" title="Badges and alerts">
      <Row>
        {tones.map((tone) => (
          <Badge key={tone} tone={tone}>
            {toneLabel[tone]}
          </Badge>
        ))}
      </Row>
      <Alert tone="info" title="Voting opens at 09:00" live="none">
        Voters can sign in now and read the ballot.
      </Alert>
      <Alert tone="success" title="Decision saved" live="none">
        12 held ballots were released and counted.
      </Alert>
      <Alert tone="warning" title="The recount is still running" live="none">
        Certify once it matches the live tally.
      </Alert>
      <Alert tone="danger" title="The decision was not saved" live="none">
        The control API did not answer. Nothing changed; try again.
      </Alert>
      <Alert tone="neutral" live="none">
        A note without a title.
      </Alert>
    </GallerySection>
  );
}

/** Cards, stats and the empty state. */
export function Panels() {
  return (
    <GallerySection id="panels" title="Cards, stats and empty states">
      <Card
        title="Turnout"
        headingLevel={3}
        actions={
          <Button size="sm" variant="secondary">
            Export
          </Button>
        }
      >
        <StatGroup label="Live figures">
          <Stat label="Ballots cast" value="1,234,567" hint="61.2% of the roll" />
          <Stat label="Held for review" value="42" tone="warning" hint="3 groups" />
          <Stat label="Refused" value="7" tone="danger" />
          <Stat label="Recount" value="Matches" tone="success" />
        </StatGroup>
      </Card>
      <Card>A card without a title: just a white panel for what is inside.</Card>
      <EmptyState
        title="No elections yet"
        body="Elections you create appear here, with their status and turnout."
        action={<Button>Create an election</Button>}
      />
    </GallerySection>
  );
}

interface ResultRow {
  readonly id: string;
  readonly option: string;
  readonly votes: number;
  readonly share: string;
  readonly status: Tone;
}

const results: readonly ResultRow[] = [
  { id: "heron", option: "Grey heron", votes: 612_034, share: "49.6%", status: "success" },
  { id: "otter", option: "Eurasian otter, the river's own", votes: 498_112, share: "40.3%", status: "neutral" },
  { id: "kite", option: "Red kite", votes: 124_421, share: "10.1%", status: "neutral" },
];

const columns = [
  { key: "option", header: "Option" },
  { key: "votes", header: "Votes", align: "end" as const, cell: (row: ResultRow) => row.votes.toLocaleString("en") },
  { key: "share", header: "Share", align: "end" as const },
  {
    key: "status",
    header: "Status",
    cell: (row: ResultRow) => <Badge tone={row.status}>{row.status === "success" ? "Leading" : "Trailing"}</Badge>,
  },
];

/** Tables: stacked with labels at 390 px, scrolling sideways, and empty. */
export function Tables() {
  return (
    <GallerySection
      id="tables"
      title="Tables"
      intro="Under 40rem the first table stacks each row with its labels; the second scrolls sideways."
    >
      <Table caption="Mascot: votes per option (stacks)" columns={columns} rows={results} rowKey={(row) => row.id} />
      <Table
        caption="Mascot: votes per option (scrolls)"
        columns={columns}
        rows={results}
        rowKey={(row) => row.id}
        narrow="scroll"
      />
      <Table caption="Held ballots" columns={columns} rows={[]} rowKey={(row) => row.id} empty="No ballots are held." />
    </GallerySection>
  );
}
