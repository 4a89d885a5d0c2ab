import { base } from "@landslide/eslint-config/base";

export default [...base(import.meta.dirname)];
