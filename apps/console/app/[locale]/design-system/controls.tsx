import { useTranslations } from "next-intl";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Spinner, Textarea } from "@landslide/ui/components";
import { GallerySection, Row } from "./gallery-section";

const variants = ["primary", "secondary", "danger", "ghost"] as const;

/** Buttons in every variant and size, busy and disabled. */
export function Buttons() {
  const t = useTranslations("designSystem.buttons");
  return (
    <GallerySection id="buttons" title={t("title")}>
      {variants.map((variant) => (
        <Row key={variant}>
          <Button variant={variant}>{t(`variants.${variant}`)}</Button>
          <Button variant={variant} size="sm">
            {t("small")}
          </Button>
          <Button variant={variant} loading>
            {t("saving")}
          </Button>
          <Button variant={variant} disabled>
            {t("disabled")}
          </Button>
        </Row>
      ))}
      <Row>
        <Spinner label={t("loading")} />
      </Row>
    </GallerySection>
  );
}

/** Text fields, selects and text areas with their labels, hints and errors. */
export function Fields() {
  const t = useTranslations("designSystem.fields");
  const statuses = [
    { value: "open", label: t("statusOpen") },
    { value: "closed", label: t("statusClosed") },
    { value: "certified", label: t("statusCertified") },
  ];
  return (
    <GallerySection id="fields" title={t("title")}>
      <Field label={t("name")} hint={t("nameHint")}>
        <Input name="name" defaultValue={t("sampleName")} />
      </Field>
      <Field label={t("email")} required>
        <Input type="email" name="email" autoComplete="off" placeholder="official@example.org" />
      </Field>
      <Field label={t("opens")} hint={t("opensHint")}>
        <Input type="datetime-local" name="opens" defaultValue="2026-12-02T09:00" />
      </Field>
      <Field label={t("status")}>
        <Select name="status" placeholder={t("anyStatus")} options={statuses} defaultValue="" />
      </Field>
      <Field label={t("reason")} hint={t("reasonHint")} error={t("reasonError")}>
        <Textarea name="reason" defaultValue={t("reasonSample")} />
      </Field>
      <Field label={t("id")} hint={t("idHint")}>
        <Input name="id" defaultValue="city-council-2026" disabled />
      </Field>
    </GallerySection>
  );
}

/** Radio groups (both orientations, with an error) and checkboxes in every state. */
export function Choices() {
  const t = useTranslations("designSystem.choices");
  return (
    <GallerySection id="choices" title={t("title")}>
      <RadioGroup label={t("decision")} hint={t("decisionHint")} name="decision" defaultValue="release">
        <Radio value="release" label={t("release")} hint={t("releaseHint")} />
        <Radio value="void" label={t("void")} hint={t("voidHint")} />
        <Radio value="later" label={t("later")} disabled />
      </RadioGroup>
      <RadioGroup label={t("visible")} orientation="horizontal" name="visible" error={t("chooseOne")}>
        <Radio value="yes" label={t("yes")} />
        <Radio value="no" label={t("no")} />
      </RadioGroup>
      <Checkbox label={t("includeHeld")} hint={t("includeHeldHint")} defaultChecked />
      <Checkbox label={t("sendCopy")} />
      <Checkbox label={t("someRegions")} checked="indeterminate" />
      <Checkbox label={t("locked")} disabled defaultChecked />
    </GallerySection>
  );
}
