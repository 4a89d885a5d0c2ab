import * as boundaries from "@landslide/eslint-config/boundaries";
import { base } from "@landslide/eslint-config/base";
import { react } from "@landslide/eslint-config/react";

export default [...base(import.meta.dirname), ...react({ next: true }), ...boundaries.webApp];
