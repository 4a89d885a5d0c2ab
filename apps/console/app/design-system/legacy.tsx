import { GallerySection } from "./gallery-section";

/**
 * The pages' older markup (.notice, fieldset.question, plain inputs, table.health) with the global
 * fixes of styles.css: toned notices, one radio size, legends inside their card, full-size inputs.
 */
export function LegacyMarkup() {
  return (
    <GallerySection
      id="legacy"
      title="Existing page markup"
      intro="What pages not yet moved to the components look like with the shared styles."
    >
      <p className="notice">Sending your ballot securely…</p>
      <p className="notice ok">Your ballot was received and counted.</p>
      <p className="notice notice-warning">Voting closes in 10 minutes.</p>
      <p className="notice bad">Your ballot could not be sent.</p>
      <div className="card">
        <fieldset className="question">
          <legend>Which animal should be the city&apos;s mascot for the next four years?</legend>
          <label className="choice">
            <input type="radio" name="legacy-mascot" defaultChecked /> Grey heron
          </label>
          <label className="choice">
            <input type="radio" name="legacy-mascot" /> Eurasian otter
          </label>
          <label className="choice">
            <input type="checkbox" /> Send me the results
          </label>
        </fieldset>
        <label htmlFor="legacy-reason">Reason</label>
        <input id="legacy-reason" type="text" defaultValue="Many ballots from one network" />
        <label htmlFor="legacy-filter" style={{ marginTop: "0.75rem" }}>
          Action
        </label>
        <select id="legacy-filter" defaultValue="all">
          <option value="all">All actions</option>
          <option value="void">Voided ballots</option>
        </select>
      </div>
      <table className="health">
        <caption>Audit trail (older table, no data labels)</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">2 Dec 2026, 14:05 UTC</th>
            <td>official@demo.landslide.test</td>
            <td>Released 12 held ballots</td>
          </tr>
        </tbody>
      </table>
    </GallerySection>
  );
}
