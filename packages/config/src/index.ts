export { type Config, ConfigError, loadConfig, required } from "./config";
export { type Environment, environmentSchema } from "./schema";
