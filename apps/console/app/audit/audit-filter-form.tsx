"use client";

import { type FormEvent, useState } from "react";
import { auditActions, auditActionWords, type RouterOutputs } from "@landslide/api/client";
import { Alert, Button, Field, Input, Select } from "@landslide/ui/components";
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
  const [draft, setDraft] = useState(applied);
  const [problem, setProblem] = useState<string>();
  const set = (name: keyof AuditFilters) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [name]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = filtersProblem(draft);
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
      ? [{ value: draft.electionId, label: `Election ${draft.electionId.slice(0, 8)}… (not listed)` }]
      : []),
  ];
  const actionOptions = [
    ...auditActions.map((action) => ({ value: action, label: auditActionWords(action).label })),
    ...(draft.action && !(auditActions as readonly string[]).includes(draft.action)
      ? [{ value: draft.action, label: auditActionWords(draft.action).label }]
      : []),
  ];
  return (
    <form onSubmit={submit} noValidate aria-labelledby="audit-filters-heading" className={`ls-card ${styles.filters}`}>
      <h2 id="audit-filters-heading" className={styles.filtersTitle}>
        Filters
      </h2>
      <div className={styles.grid}>
        <Field label="Election">
          <Select
            value={draft.electionId}
            onChange={set("electionId")}
            options={electionOptions}
            placeholder="All elections"
          />
        </Field>
        <Field label="Action">
          <Select value={draft.action} onChange={set("action")} options={actionOptions} placeholder="All actions" />
        </Field>
        <Field label="Who" hint="An official's e-mail address, exactly.">
          <Input inputMode="email" autoComplete="off" value={draft.actor} onChange={set("actor")} />
        </Field>
        <Field label="From (day)" hint={`In your time zone, ${Intl.DateTimeFormat().resolvedOptions().timeZone}.`}>
          <Input type="date" value={draft.from} onChange={set("from")} max={draft.to || undefined} />
        </Field>
        <Field label="To (day, included)">
          <Input type="date" value={draft.to} onChange={set("to")} min={draft.from || undefined} />
        </Field>
      </div>
      {problem ? (
        <Alert tone="danger" title="These filters cannot be used">
          {problem}
        </Alert>
      ) : null}
      <div className="actions">
        <Button type="submit">Show actions</Button>
        {hasFilters(applied) || hasFilters(draft) ? (
          <Button variant="secondary" onClick={clear}>
            Clear filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
