import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  DateTime,
  EmptyState,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Stat,
  TabNav,
  Table,
  Tabs,
  Textarea,
} from "../src/components";

// The components as the server renders them: the markup that reaches the browser before any script.
const html = (element: React.ReactElement) => renderToStaticMarkup(element);

describe("Button", () => {
  it("is a plain button unless told, so it never submits a form by accident", () => {
    expect(html(<Button>Save</Button>)).toBe(
      '<button type="button" class="ls-button ls-button-primary ls-button-md">Save</button>',
    );
    expect(html(<Button type="submit">Save</Button>)).toContain('type="submit"');
  });

  it("while loading: busy and aria-disabled (still focusable), with a spinner hidden from screen readers", () => {
    const busy = html(
      <Button variant="danger" size="sm" loading>
        Void ballots
      </Button>,
    );
    expect(busy).toContain('class="ls-button ls-button-danger ls-button-sm"');
    expect(busy).not.toContain(' disabled=""');
    expect(busy).toContain('aria-disabled="true"');
    expect(busy).toContain('aria-busy="true"');
    expect(busy).toContain('<span class="ls-spinner" aria-hidden="true"></span>Void ballots');
  });
});

describe("Field", () => {
  it("names the control by its label and describes it by its hint and error", () => {
    const out = html(
      <Field label="Reason" hint="Say what you saw." error="Write a reason." required id="reason">
        <Textarea name="reason" />
      </Field>,
    );
    expect(out).toContain('<label class="ls-label" for="reason">Reason<span class="ls-required"> (required)</span>');
    expect(out).toContain('<p id="reason-hint" class="ls-hint">Say what you saw.</p>');
    expect(out).toContain('<p id="reason-error" class="ls-error">Write a reason.</p>');
    expect(out).toMatch(/<textarea[^>]* id="reason" aria-describedby="reason-hint reason-error" aria-invalid="true"/);
    expect(out).toMatch(/<textarea[^>]* required=""/);
  });

  it("generates an id when none is given and keeps the control's own description", () => {
    const out = html(
      <Field label="E-mail">
        <Input type="email" aria-describedby="elsewhere" />
      </Field>,
    );
    const id = /for="([^"]+)"/.exec(out)?.[1];
    expect(id).toBeTruthy();
    expect(out).toContain(`id="${id}"`);
    expect(out).toContain('aria-describedby="elsewhere"');
    expect(out).not.toContain("aria-invalid");
  });

  it("works with a Select, its placeholder first", () => {
    const out = html(
      <Field label="Status">
        <Select
          placeholder="Any status"
          options={[
            { value: "open", label: "Open" },
            { value: "closed", label: "Closed" },
          ]}
        />
      </Field>,
    );
    expect(out).toMatch(/<select id="[^"]+" class="ls-input ls-select">/);
    expect(out).toContain('<option value="">Any status</option><option value="open">Open</option>');
  });
});

describe("Alert", () => {
  it("interrupts for a problem, politely announces the rest, and says its tone in words", () => {
    const problem = html(<Alert tone="danger" title="Not saved" />);
    expect(problem).toMatch(/^<div role="alert" class="ls-alert ls-tone-danger">/);
    expect(problem).toContain('<span class="ls-visually-hidden">Problem: </span>Not saved');
    const done = html(<Alert tone="success" title="Saved" />);
    expect(done).toMatch(/^<div role="status" class="ls-alert ls-tone-success">/);
    expect(done).toContain("Done: </span>Saved");
    expect(html(<Alert tone="warning" live="none" title="Read this" />)).toMatch(
      /^<div class="ls-alert ls-tone-warning">/,
    );
  });
});

describe("Badge", () => {
  it("takes its tone as a class", () => {
    expect(html(<Badge tone="success">Certified</Badge>)).toBe(
      '<span class="ls-badge ls-tone-success">Certified</span>',
    );
    expect(html(<Badge>Draft</Badge>)).toContain("ls-tone-neutral");
  });
});

describe("Table", () => {
  interface Row {
    id: string;
    option: string;
    votes: number;
  }
  const columns = [
    { key: "option", header: "Option" },
    { key: "votes", header: "Votes", align: "end" as const, cell: (row: Row) => row.votes.toLocaleString("en") },
  ];
  const rows: Row[] = [{ id: "h", option: "Heron", votes: 1234 }];

  it("heads every column and row, and labels each cell for the stacked layout at 390 px", () => {
    const out = html(<Table caption="Votes per option" columns={columns} rows={rows} rowKey={(row) => row.id} />);
    expect(out).toMatch(/^<table class="ls-table ls-table-stack"><caption>Votes per option<\/caption>/);
    expect(out).toContain('<th scope="col">Option</th><th scope="col" class="ls-align-end">Votes</th>');
    expect(out).toContain(
      '<tr><th scope="row" data-label="Option">Heron</th><td data-label="Votes" class="ls-align-end">1,234</td></tr>',
    );
  });

  it("scrolls in a focusable region named by its caption when asked", () => {
    const out = html(
      <Table caption="Votes per option" columns={columns} rows={rows} rowKey={(row) => row.id} narrow="scroll" />,
    );
    expect(out).toMatch(/^<div class="ls-table-scroll" role="region" aria-label="Votes per option" tabindex="0">/);
  });

  it("says so when there are no rows", () => {
    const out = html(
      <Table caption="Votes" columns={columns} rows={[]} rowKey={(row) => row.id} empty="No votes yet." />,
    );
    expect(out).toContain('<td colSpan="2" class="ls-table-empty">No votes yet.</td>');
  });
});

describe("Card, EmptyState and Stat", () => {
  it("a titled card is a section named by its heading", () => {
    const out = html(
      <Card title="Turnout" actions={<Button size="sm">Export</Button>}>
        <p>Body</p>
      </Card>,
    );
    const id = /<h2 id="([^"]+)" class="ls-card-title">Turnout<\/h2>/.exec(out)?.[1];
    expect(id).toBeTruthy();
    expect(out).toMatch(new RegExp(`^<section class="ls-card" aria-labelledby="${id}">`));
    expect(out).toContain('<div class="ls-card-actions"><button');
  });

  it("an empty state says what is missing, at the heading level asked", () => {
    expect(html(<EmptyState title="No elections yet" headingLevel={2} />)).toBe(
      '<div class="ls-empty"><h2 class="ls-empty-title">No elections yet</h2></div>',
    );
  });

  it("a stat reads its value with its label", () => {
    expect(html(<Stat label="Ballots cast" value="1,234" hint="since 09:00" tone="warning" />)).toBe(
      '<dl class="ls-stat ls-tone-warning"><dt class="ls-stat-label">Ballots cast</dt>' +
        '<dd class="ls-stat-value">1,234</dd><dd class="ls-stat-hint">since 09:00</dd></dl>',
    );
  });
});

describe("RadioGroup and Checkbox", () => {
  it("a radio group is named by its label and each radio by its own", () => {
    const out = html(
      <RadioGroup label="Decision" hint="Applies to all" name="decision" defaultValue="release">
        <Radio value="release" label="Release" />
        <Radio value="void" label="Void" hint="Cannot be undone" />
      </RadioGroup>,
    );
    const labelId = /<span id="([^"]+)" class="ls-label">Decision<\/span>/.exec(out)?.[1];
    expect(labelId).toBeTruthy();
    expect(out).toMatch(
      new RegExp(`role="radiogroup"[^>]* aria-labelledby="${labelId}" aria-describedby="[^"]+-hint"`),
    );
    const radios = [
      ...out.matchAll(/<button type="button" role="radio" aria-checked="(true|false)"[^>]* id="([^"]+)"/g),
    ];
    expect(radios.map((match) => match[1])).toEqual(["true", "false"]);
    for (const [, , id] of radios) expect(out).toContain(`<label for="${id}" class="ls-choice-label">`);
  });

  it("a checkbox is a checkbox button named by its label", () => {
    const out = html(<Checkbox label="Include quarantined votes" defaultChecked id="q" />);
    expect(out).toMatch(/<button type="button" role="checkbox" aria-checked="true"[^>]* id="q"/);
    expect(out).toContain('<label for="q" class="ls-choice-label">Include quarantined votes</label>');
  });
});

describe("Tabs and TabNav", () => {
  it("tabs render a named tab list and the first panel", () => {
    const out = html(
      <Tabs
        label="Results views"
        items={[
          { value: "table", label: "Table", content: <p>the table</p> },
          { value: "chart", label: "Chart", content: <p>the chart</p> },
        ]}
      />,
    );
    expect(out).toMatch(/role="tablist"[^>]* aria-label="Results views"/);
    expect(out).toMatch(/role="tab" aria-selected="true"[^>]*>Table</);
    expect(out).toContain("<p>the table</p>");
    expect(out).not.toContain("<p>the chart</p>");
  });

  it("a tab nav is links, the current page marked", () => {
    const out = html(
      <TabNav
        label="Election"
        items={[
          { href: "/e/1", label: "Overview", current: true },
          { href: "/e/1/roll", label: "Roll" },
        ]}
      />,
    );
    expect(out).toMatch(/^<nav aria-label="Election" class="ls-tab-nav"><ul><li>/);
    expect(out).toContain('<a class="ls-tab" aria-current="page" href="/e/1">Overview</a>');
    expect(out).toContain('<a class="ls-tab" href="/e/1/roll">Roll</a>');
  });
});

describe("DateTime", () => {
  it("renders UTC in one fixed form on the server, so hydration matches whatever the viewer's zone", () => {
    expect(html(<DateTime value="2026-12-02T14:05:09Z" />)).toBe(
      '<time dateTime="2026-12-02T14:05:09.000Z" title="2 Dec 2026, 14:05:09 UTC">2 Dec 2026, 14:05 UTC</time>',
    );
    expect(html(<DateTime value={Date.UTC(2026, 11, 2)} format="date" />)).toContain(">2 Dec 2026</time>");
    expect(html(<DateTime value="2026-12-02T14:05:09Z" format="time" seconds />)).toContain(">14:05:09 UTC</time>");
  });

  it("says plainly when the value is not a date", () => {
    expect(html(<DateTime value="garbage" />)).toBe("<time>unknown time</time>");
  });
});
