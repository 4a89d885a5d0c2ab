import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config";

describe("the load-shedding settings", () => {
  it("suit one task by default, and take whole numbers in range", () => {
    expect(loadConfig({}).loadShedding).toEqual({ maxInFlight: 64, maxQueueMs: 250 });
    expect(loadConfig({ LANDSLIDE_MAX_IN_FLIGHT: "2", LANDSLIDE_MAX_QUEUE_MS: "0" }).loadShedding).toEqual({
      maxInFlight: 2,
      maxQueueMs: 0,
    });
  });

  it("name the variable and what it must be", () => {
    expect(() => loadConfig({ LANDSLIDE_MAX_IN_FLIGHT: "0" })).toThrow(
      'Invalid configuration: LANDSLIDE_MAX_IN_FLIGHT must be a whole number of requests, got "0".',
    );
    expect(() => loadConfig({ LANDSLIDE_MAX_IN_FLIGHT: "many" })).toThrow(
      /LANDSLIDE_MAX_IN_FLIGHT must be a whole number of requests/,
    );
    expect(() => loadConfig({ LANDSLIDE_MAX_QUEUE_MS: "1.5" })).toThrow(
      /LANDSLIDE_MAX_QUEUE_MS must be a whole number of milliseconds/,
    );
    expect(() => loadConfig({ LANDSLIDE_MAX_QUEUE_MS: "60001" })).toThrow(
      /LANDSLIDE_MAX_QUEUE_MS must be a whole number of milliseconds/,
    );
  });
});
