import * as boundaries from "@landslide/eslint-config/boundaries";
import { base } from "@landslide/eslint-config/base";

export default [...base(import.meta.dirname), ...boundaries.infra];
