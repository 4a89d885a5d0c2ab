import { useTranslations } from "next-intl";
import { GallerySection } from "./gallery-section";

/**
 * The pages' older markup (.notice, fieldset.question, plain inputs, table.health) with the global
 * fixes of styles.css: toned notices, one radio size, legends inside their card, full-size inputs.
 */
export function LegacyMarkup() {
  const t = useTranslations("designSystem.legacy");
  return (
    <GallerySection id="legacy" title={t("title")} intro={t("intro")}>
      <p className="notice">{t("sending")}</p>
      <p className="notice ok">{t("counted")}</p>
      <p className="notice notice-warning">{t("closesSoon")}</p>
      <p className="notice bad">{t("notSent")}</p>
      <div className="card">
        <fieldset className="question">
          <legend>{t("question")}</legend>
          <label className="choice">
            <input type="radio" name="legacy-mascot" defaultChecked /> {t("heron")}
          </label>
          <label className="choice">
            <input type="radio" name="legacy-mascot" /> {t("otter")}
          </label>
          <label className="choice">
            <input type="checkbox" /> {t("sendResults")}
          </label>
        </fieldset>
        <label htmlFor="legacy-reason">{t("reason")}</label>
        <input id="legacy-reason" type="text" defaultValue={t("reasonSample")} />
        <label htmlFor="legacy-filter" style={{ marginTop: "0.75rem" }}>
          {t("action")}
        </label>
        <select id="legacy-filter" defaultValue="all">
          <option value="all">{t("allActions")}</option>
          <option value="void">{t("voided")}</option>
        </select>
      </div>
      <table className="health">
        <caption>{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("what")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t("sampleWhen")}</th>
            <td>official@demo.landslide.test</td>
            <td>{t("sampleWhat")}</td>
          </tr>
        </tbody>
      </table>
    </GallerySection>
  );
}
