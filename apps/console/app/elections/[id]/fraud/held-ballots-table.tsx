import { riskSignalWords } from "@landslide/api/client";
import type { FraudReview } from "./page";

type Case = FraudReview["cases"][number];

/** Every held ballot in cast order (the timeline), with its evidence and a box to select it. */
export function HeldBallotsTable({
  cases,
  selected,
  onSelect,
}: {
  cases: readonly Case[];
  selected: ReadonlySet<string>;
  onSelect: (next: ReadonlySet<string>) => void;
}) {
  const ordered = [...cases].sort((a, b) => String(a.castAt ?? "").localeCompare(String(b.castAt ?? "")));
  const toggle = (voterKey: string) => {
    const next = new Set(selected);
    if (next.has(voterKey)) next.delete(voterKey);
    else next.add(voterKey);
    onSelect(next);
  };
  return (
    <div className="table-scroll" role="region" aria-label="Held ballots, in the order they were cast" tabIndex={0}>
      <table className="health">
        <caption>Held ballots, in the order they were cast</caption>
        <thead>
          <tr>
            <th scope="col">Select</th>
            <th scope="col">Cast at</th>
            <th scope="col">Signals</th>
            <th scope="col">Score</th>
            <th scope="col">Device</th>
            <th scope="col">Address block</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((c, i) => (
            <tr key={c.voterKey}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select held ballot ${i + 1}`}
                  checked={selected.has(c.voterKey)}
                  disabled={c.state !== "quarantined"}
                  onChange={() => toggle(c.voterKey)}
                />
              </td>
              <td>{c.castAt ? new Date(c.castAt).toLocaleTimeString("en-GB") : "—"}</td>
              <td>{c.reasons.map(riskSignalWords).join("; ") || "—"}</td>
              <td>{c.score ?? "—"}</td>
              <td>{c.deviceId ? `${c.deviceId.slice(0, 10)}…` : "—"}</td>
              <td>{c.networkBlock ?? "—"}</td>
              <td>
                <span className="badge">{c.state === "quarantined" ? "held" : c.state}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
