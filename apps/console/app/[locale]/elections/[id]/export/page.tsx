import { ExportPanel } from "../export-panel";

/** The certified result as files: CSV for spreadsheets, JSON with the instant-runoff rounds. */
export default function ExportPage() {
  return <ExportPanel />;
}
