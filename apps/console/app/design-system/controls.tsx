import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Spinner, Textarea } from "@landslide/ui/components";
import { GallerySection, Row } from "./gallery-section";

const variants = ["primary", "secondary", "danger", "ghost"] as const;

/** Buttons in every variant and size, busy and disabled. */
export function Buttons() {
  return (
    <GallerySection id="buttons" title="Buttons and spinner">
      {variants.map((variant) => (
        <Row key={variant}>
          <Button variant={variant}>{variant[0]?.toUpperCase() + variant.slice(1)}</Button>
          <Button variant={variant} size="sm">
            Small
          </Button>
          <Button variant={variant} loading>
            Saving…
          </Button>
          <Button variant={variant} disabled>
            Disabled
          </Button>
        </Row>
      ))}
      <Row>
        <Spinner label="Loading results…" />
      </Row>
    </GallerySection>
  );
}

const statuses = [
  { value: "open", label: "Open" },
  { value: "closed", label: "Closed" },
  { value: "certified", label: "Certified" },
];

/** Text fields, selects and text areas with their labels, hints and errors. */
export function Fields() {
  return (
    <GallerySection id="fields" title="Fields">
      <Field label="Election name" hint="As voters will see it on the ballot.">
        <Input name="name" defaultValue="City council 2026" />
      </Field>
      <Field label="E-mail" required>
        <Input type="email" name="email" autoComplete="off" placeholder="official@example.org" />
      </Field>
      <Field label="Opens at" hint="In your time zone.">
        <Input type="datetime-local" name="opens" defaultValue="2026-12-02T09:00" />
      </Field>
      <Field label="Status">
        <Select name="status" placeholder="Any status" options={statuses} defaultValue="" />
      </Field>
      <Field
        label="Reason for voiding"
        hint="Recorded in the audit trail."
        error="Write a reason of at least 10 characters."
      >
        <Textarea name="reason" defaultValue="Dup" />
      </Field>
      <Field label="Election id" hint="Set when the election is created.">
        <Input name="id" defaultValue="city-council-2026" disabled />
      </Field>
    </GallerySection>
  );
}

/** Radio groups (both orientations, with an error) and checkboxes in every state. */
export function Choices() {
  return (
    <GallerySection id="choices" title="Radios and checkboxes">
      <RadioGroup
        label="Decision on the held ballots"
        hint="Applies to the whole group."
        name="decision"
        defaultValue="release"
      >
        <Radio value="release" label="Release" hint="Count them with the others." />
        <Radio value="void" label="Void" hint="They are never counted. This cannot be undone." />
        <Radio value="later" label="Decide later" disabled />
      </RadioGroup>
      <RadioGroup label="Results visible to voters?" orientation="horizontal" name="visible" error="Choose one.">
        <Radio value="yes" label="Yes" />
        <Radio value="no" label="No" />
      </RadioGroup>
      <Checkbox label="Include quarantined ballots" hint="Shown apart from the others." defaultChecked />
      <Checkbox label="Send me a copy" />
      <Checkbox label="Some regions chosen" checked="indeterminate" />
      <Checkbox label="Locked after certification" disabled defaultChecked />
    </GallerySection>
  );
}
