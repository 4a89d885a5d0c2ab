import { landslideNextConfig } from "@landslide/ui/next-config";

export default landslideNextConfig();
