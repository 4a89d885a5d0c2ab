import { useFormatter, useTranslations } from "next-intl";
import { Alert, Badge, Button, Card, EmptyState, Stat, StatGroup, Table, type Tone } from "@landslide/ui/components";
import { GallerySection, Row } from "./gallery-section";

const tones: readonly Tone[] = ["neutral", "info", "success", "warning", "danger"];

/** Badges and alerts in every tone. */
export function BadgesAndAlerts() {
  const t = useTranslations("designSystem.feedback");
  return (
    <GallerySection id="feedback" title={t("title")}>
      <Row>
        {tones.map((tone) => (
          <Badge key={tone} tone={tone}>
            {t(`badges.${tone}`)}
          </Badge>
        ))}
      </Row>
      <Alert tone="info" title={t("infoTitle")} live="none">
        {t("info")}
      </Alert>
      <Alert tone="success" title={t("successTitle")} live="none">
        {t("success")}
      </Alert>
      <Alert tone="warning" title={t("warningTitle")} live="none">
        {t("warning")}
      </Alert>
      <Alert tone="danger" title={t("dangerTitle")} live="none">
        {t("danger")}
      </Alert>
      <Alert tone="neutral" live="none">
        {t("neutral")}
      </Alert>
    </GallerySection>
  );
}

/** Cards, stats and the empty state. */
export function Panels() {
  const t = useTranslations("designSystem.panels");
  const format = useFormatter();
  return (
    <GallerySection id="panels" title={t("title")}>
      <Card
        title={t("turnout")}
        headingLevel={3}
        actions={
          <Button size="sm" variant="secondary">
            {t("export")}
          </Button>
        }
      >
        <StatGroup label={t("figures")}>
          <Stat label={t("cast")} value={format.number(1_234_567)} hint={t("castHint")} />
          <Stat label={t("held")} value={format.number(42)} tone="warning" hint={t("heldHint")} />
          <Stat label={t("refused")} value={format.number(7)} tone="danger" />
          <Stat label={t("recount")} value={t("matches")} tone="success" />
        </StatGroup>
      </Card>
      <Card>{t("plainCard")}</Card>
      <EmptyState title={t("emptyTitle")} body={t("empty")} action={<Button>{t("create")}</Button>} />
    </GallerySection>
  );
}

interface ResultRow {
  readonly id: string;
  readonly option: string;
  readonly votes: number;
  readonly share: number;
  readonly status: Tone;
}

const results: readonly ResultRow[] = [
  { id: "heron", option: "heron", votes: 612_034, share: 0.496, status: "success" },
  { id: "otter", option: "otter", votes: 498_112, share: 0.403, status: "neutral" },
  { id: "kite", option: "kite", votes: 124_421, share: 0.101, status: "neutral" },
];

/** Tables: stacked with labels at 390 px, scrolling sideways, and empty. */
export function Tables() {
  const t = useTranslations("designSystem.tables");
  const format = useFormatter();
  const columns = [
    {
      key: "option",
      header: t("option"),
      cell: (row: ResultRow) => t(`options.${row.id as "heron" | "otter" | "kite"}`),
    },
    { key: "votes", header: t("votes"), align: "end" as const, cell: (row: ResultRow) => format.number(row.votes) },
    {
      key: "share",
      header: t("share"),
      align: "end" as const,
      cell: (row: ResultRow) => format.number(row.share, { style: "percent", minimumFractionDigits: 1 }),
    },
    {
      key: "status",
      header: t("status"),
      cell: (row: ResultRow) => (
        <Badge tone={row.status}>{row.status === "success" ? t("leading") : t("trailing")}</Badge>
      ),
    },
  ];
  return (
    <GallerySection id="tables" title={t("title")} intro={t("intro")}>
      <Table caption={t("stacks")} columns={columns} rows={results} rowKey={(row) => row.id} />
      <Table caption={t("scrolls")} columns={columns} rows={results} rowKey={(row) => row.id} narrow="scroll" />
      <Table caption={t("held")} columns={columns} rows={[]} rowKey={(row) => row.id} empty={t("none")} />
    </GallerySection>
  );
}
