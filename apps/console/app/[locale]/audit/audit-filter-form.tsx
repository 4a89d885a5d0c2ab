"use client";

import { type FormEvent, useState } from "react";
import { useTranslations } from "next-intl";
import { auditActions, type RouterOutputs } from "@landslide/api/client";
import { Alert, Button, Field, Input, Select } from "@landslide/ui/components";
import { useWords } from "../../../i18n/use-words";
import { type AuditFilters, filtersProblem, hasFilters } from "./audit-filters";
import styles from "./audit.module.css";

type Elections = RouterOutputs["official"]["elections"]["list"];

const EMPTY: AuditFilters = { electionId: "", action: "", actor: "", from: "", to: "" };

/** Filters applied on submit (not on every keystroke), so the address changes once per search. */
export function AuditFilterForm({
  applied,
  elections,
  onApply,
}: {
  applied: AuditFilters;
  elections: Elections | undefined;
  onApply: (filters: AuditFilters) => void;
}) {
  const t = useTranslations();
  const actionWords = useWords("auditAction");
  const [draft, setDraft] = useState(applied);
  const [problem, setProblem] = useState<string>();
  const set = (name: keyof AuditFilters) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [name]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = filtersProblem(draft, t);
    setProblem(found);
    if (!found) onApply(draft);
  };
  const clear = () => {
    setDraft(EMPTY);
    setProblem(undefined);
    onApply(EMPTY);
  };
  // A value given in the address but not among the choices (an old action, an election not listed) still shows as chosen.
  const electionOptions = [
    ...(elections ?? []).map((e) => ({ value: e.id, label: e.title })),
    ...(draft.electionId && elections && !elections.some((e) => e.id === draft.electionId)
      ? [{ value: draft.electionId, label: t("audit.filters.unlistedElection", { id: draft.electionId.slice(0, 8) }) }]
      : []),
  ];
  const actionOptions = [
    ...auditActions.map((action) => ({ value: action, label: actionWords(action).label })),
    ...(draft.action && !(auditActions as readonly string[]).includes(draft.action)
      ? [{ value: draft.action, label: actionWords(draft.action).label }]
      : []),
  ];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="audit-filters-heading" className={`ls-card ${styles.filters}`}>
      <h2 id="audit-filters-heading" className={styles.filtersTitle}>
        {t("audit.filters.heading")}
      </h2>
      <div className={styles.grid}>
        <Field label={t("audit.filters.election")}>
          <Select
            value={draft.electionId}
            onChange={set("electionId")}
            options={electionOptions}
            placeholder={t("audit.filters.allElections")}
          />
        </Field>
        <Field label={t("audit.filters.action")}>
          <Select
            value={draft.action}
            onChange={set("action")}
            options={actionOptions}
            placeholder={t("audit.filters.allActions")}
          />
        </Field>
        <Field label={t("audit.filters.who")} hint={t("audit.filters.whoHint")}>
          <Input inputMode="email" autoComplete="off" value={draft.actor} onChange={set("actor")} />
        </Field>
        <Field
          label={t("audit.filters.from")}
          hint={t("audit.filters.fromHint", { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
        >
          <Input type="date" value={draft.from} onChange={set("from")} max={draft.to || undefined} />
        </Field>
        <Field label={t("audit.filters.to")}>
          <Input type="date" value={draft.to} onChange={set("to")} min={draft.from || undefined} />
        </Field>
      </div>
      {problem ? (
        <Alert tone="danger" title={t("audit.problems.title")}>
          {problem}
        </Alert>
      ) : null}
      <div className="actions">
        <Button type="submit">{t("audit.filters.show")}</Button>
        {hasFilters(applied) || hasFilters(draft) ? (
          <Button variant="secondary" onClick={clear}>
            {t("audit.filters.clear")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
