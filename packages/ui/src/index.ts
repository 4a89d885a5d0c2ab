export { type ElectionSummary, type ElectionsResult, getElections } from "./elections";
export {
  type DependencyCheck,
  getPlatformHealth,
  type ServiceHealth,
  type ServiceStatus,
  type ServiceUrls,
} from "./health";
export { ServiceHealthTable } from "./service-health-table";
export { AppShell } from "./app-shell";
