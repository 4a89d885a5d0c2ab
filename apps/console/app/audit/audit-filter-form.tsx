"use client";

import { type FormEvent, useState } from "react";
import type { RouterOutputs } from "@landslide/api/client";
import { type AuditFilters, filtersProblem, hasFilters } from "./audit-filters";

type Elections = RouterOutputs["official"]["elections"]["list"];

/** The actions the API records today (packages/api/src/router); offered as suggestions, any text is accepted. */
const KNOWN_ACTIONS = [
  "election.create",
  "election.update",
  "election.schedule",
  "election.transition",
  "election.recount",
  "roll.import",
  "fraud.release",
  "fraud.void",
  "fraud.withhold",
];

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
  const field = { width: "100%", maxWidth: "24rem" } as const;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="audit-filters-heading">
      <h2 id="audit-filters-heading">Filters</h2>
      <p>
        <label htmlFor="audit-election">Election</label>
        <select id="audit-election" value={draft.electionId} onChange={set("electionId")} style={field}>
          <option value="">All elections</option>
          {elections?.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
          {/* An election given in the address but not in the list still shows as chosen. */}
          {draft.electionId && elections && !elections.some((e) => e.id === draft.electionId) ? (
            <option value={draft.electionId}>{draft.electionId}</option>
          ) : null}
        </select>
      </p>
      <p>
        <label htmlFor="audit-action">Action</label>
        <input
          id="audit-action"
          type="text"
          list="audit-actions"
          value={draft.action}
          onChange={set("action")}
          aria-describedby="audit-action-hint"
        />
        <datalist id="audit-actions">
          {KNOWN_ACTIONS.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <span id="audit-action-hint" className="muted" style={{ display: "block" }}>
          The exact action, e.g. election.transition.
        </span>
      </p>
      <p>
        <label htmlFor="audit-actor">Who</label>
        <input
          id="audit-actor"
          type="text"
          inputMode="email"
          autoComplete="off"
          value={draft.actor}
          onChange={set("actor")}
          aria-describedby="audit-actor-hint"
        />
        <span id="audit-actor-hint" className="muted" style={{ display: "block" }}>
          The official&apos;s exact e-mail address.
        </span>
      </p>
      <div className="actions" style={{ marginTop: 0 }}>
        <p style={{ margin: 0 }}>
          <label htmlFor="audit-from">From (day)</label>
          <input
            id="audit-from"
            type="date"
            value={draft.from}
            onChange={set("from")}
            max={draft.to || undefined}
            aria-describedby="audit-days-hint"
          />
        </p>
        <p style={{ margin: 0 }}>
          <label htmlFor="audit-to">To (day, included)</label>
          <input
            id="audit-to"
            type="date"
            value={draft.to}
            onChange={set("to")}
            min={draft.from || undefined}
            aria-describedby="audit-days-hint"
          />
        </p>
      </div>
      <p id="audit-days-hint" className="muted">
        Days in your time zone, {Intl.DateTimeFormat().resolvedOptions().timeZone}.
      </p>
      {problem ? (
        <p className="notice" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">Show actions</button>
        {hasFilters(applied) || hasFilters(draft) ? (
          <button type="button" className="secondary" onClick={clear}>
            Clear filters
          </button>
        ) : null}
      </div>
    </form>
  );
}
