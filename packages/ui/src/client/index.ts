/** The web apps' client side: the providers every page sits under, and the hooks that reach the services. */
export { type ClientExtras, LandslideProviders } from "./landslide-providers";
export { useLandslide } from "./landslide-client-context";
export { useControlApi, useResultsApi, useVoteApi } from "./service-contexts";
export type { PublicConfig } from "./public-config";
