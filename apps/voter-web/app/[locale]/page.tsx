import { getTranslations } from "next-intl/server";
import { loadConfig } from "@landslide/config";
import { votingAvailable } from "../../lib/voting-availability";
import { ElectionsList } from "./elections-list";

// Whether voting is available changes from request to request: never prerender this page.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [available, t] = await Promise.all([votingAvailable(loadConfig().urls.voteApi), getTranslations("home")]);
  return (
    <>
      <h1>{t("heading")}</h1>
      {available ? null : (
        <p className="notice" role="status">
          {t("unavailable")}
        </p>
      )}
      <p className="muted">{t("intro")}</p>
      <ElectionsList />
    </>
  );
}
