import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./serious-violations";

/** Where the shots go: e2e/tour/<app>/, kept by CI as its artefacts (.ci/run says where and how many). */
const tourRoot = fileURLToPath(new URL("../tour/", import.meta.url));

/** A phone and a laptop: every page is looked at at both. */
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

// Ids a person should never have to read bare: a UUID (elections, accounts), or a long hex run
// (receipt numbers, hashes, keys).
const RAW_ID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|\b[0-9a-f]{32,}\b/gi;

/**
 * Where an id may show: the apps' own conventions for it. `<details>` is "Details for experts" (the
 * receipt, the receipt check, the fraud evidence); `<code>` is an id or code set apart next to its
 * label (ShortId "Election 1a2b3c4d…", Reason's code after its words); `<dd>` is a value under its
 * `<dt>` label ("Receipt number"); `[data-expert]` is for anything else a page marks as such.
 */
const EXPERT_DETAIL = "details, code, dd, [data-expert]";

// What a page says while it is still fetching: the shot waits until none of it is visible.
const BUSY_TEXT = /\b(Loading|Checking)\b[^\n]*…/;

export interface ShootOptions {
  /** Shown once the state under test is on screen (a figure, a verdict); waited for before the shots. */
  readonly ready?: Locator;
  /** The page shows a spinner on purpose (the design system's gallery): do not wait for it to go. */
  readonly busyOnPurpose?: boolean;
}

/**
 * A tour of one app: each `shoot` takes a full-page screenshot at 390 and 1280 px and checks, at
 * each width, that nothing scrolls sideways, that axe finds no serious or critical violation and
 * that no raw id shows outside an expert detail. Failures are collected, not thrown, so one run
 * lists every defect of every page: `finish` fails the test with all of them at the end.
 */
export class Tour {
  private shot = 0;
  private readonly failures: string[] = [];
  private readonly folder: string;

  constructor(
    private readonly page: Page,
    /** The app's folder; a spec that shows one capability across both apps has its own ("counting"). */
    app: "console" | "voter-web" | "counting" | "weighted",
  ) {
    this.folder = `${tourRoot}${app}/`;
    // The folder is the list of shots: last run's files would pass for this run's.
    rmSync(this.folder, { recursive: true, force: true });
    mkdirSync(this.folder, { recursive: true });
  }

  /**
   * A full-page screenshot, asked again once if Chromium has not taken it in 30 s: CI once saw a
   * capture of the live embed hang until the test's five minutes ran out, with nothing wrong on
   * the page. A second hang fails the shot by name instead of the whole tour by its time limit.
   */
  private async screenshot(path: string): Promise<void> {
    try {
      await this.page.screenshot({ path, fullPage: true, timeout: 30_000 });
    } catch {
      await this.page.screenshot({ path, fullPage: true, timeout: 30_000 });
    }
  }

  /** Records a defect found outside `shoot` (a page that did not load), under the shot it belongs to. */
  fail(where: string, what: string): void {
    this.failures.push(`${where}: ${what}`);
  }

  async shoot(name: string, state: string, options: ShootOptions = {}): Promise<void> {
    this.shot += 1;
    const base = `${String(this.shot).padStart(2, "0")}-${name}-${state}`;
    const issues = await this.settle(options);
    for (const size of WIDTHS) {
      await this.page.setViewportSize(size);
      // Two frames: the resize's layout and any media-query change have been painted.
      await this.page.evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))),
      );
      issues.push(...(await this.checks(size.width)));
      await this.screenshot(`${this.folder}${base}-${size.width}.png`);
    }
    for (const issue of issues) this.failures.push(`${base} (${this.page.url()}): ${issue}`);
  }

  /** Fails the test with every defect the tour found, one a line. */
  finish(): void {
    const count = `${this.failures.length} defect${this.failures.length === 1 ? "" : "s"}`;
    expect(this.failures, `${count}:\n${this.failures.join("\n")}`).toEqual([]);
  }

  /** Waits for the page's heading, its state, no loading text and the fonts; what never comes is a defect. */
  private async settle(options: ShootOptions): Promise<string[]> {
    const issues: string[] = [];
    const heading = this.page.locator("h1").first();
    await heading.waitFor({ state: "visible", timeout: 20_000 }).catch(() => issues.push("no visible h1 after 20 s"));
    const { ready } = options;
    if (ready)
      await ready
        .first()
        .waitFor({ state: "visible", timeout: 20_000 })
        .catch(() => issues.push(`never showed ${ready.toString()} after 20 s`));
    if (!options.busyOnPurpose) {
      const busy = async () => BUSY_TEXT.exec(await this.page.locator("body").innerText())?.[0] ?? "";
      await expect
        .poll(busy, { timeout: 20_000 })
        .toBe("")
        .catch(async () => issues.push(`still says “${await busy()}” after 20 s`));
    }
    await this.page.evaluate(async () => {
      await document.fonts.ready;
    });
    return issues;
  }

  private async checks(width: number): Promise<string[]> {
    const issues: string[] = [];
    const overflow = await this.page.evaluate(() => {
      const { scrollWidth } = document.documentElement;
      if (scrollWidth <= window.innerWidth) return null;
      // The outermost elements past the right edge: what to fix, not every child of it.
      const beyond = (e: Element | null) => !!e && e.getBoundingClientRect().right > window.innerWidth + 1;
      const past = Array.from(document.body.querySelectorAll("*")).filter((e) => beyond(e) && !beyond(e.parentElement));
      const names = past.slice(0, 4).map((e) => {
        const label = (e.getAttribute("aria-label") ?? e.textContent ?? "").trim().slice(0, 40);
        return `<${e.tagName.toLowerCase()}${e.className ? ` class="${String(e.className)}"` : ""}> “${label}”`;
      });
      return { scrollWidth, names };
    });
    if (overflow)
      issues.push(`scrolls sideways at ${width} px (${overflow.scrollWidth} px wide): ${overflow.names.join("; ")}`);
    for (const violation of await seriousViolations(this.page)) issues.push(`axe at ${width} px: ${violation}`);
    const ids = await this.page.evaluate(
      ({ pattern, expert }) => {
        const found: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          // A text box's content is what the person typed or pasted (a receipt number to check), not the page's words.
          if (!parent || parent.closest(`${expert}, textarea`) || !parent.checkVisibility()) continue;
          for (const match of (node.textContent ?? "").matchAll(new RegExp(pattern, "gi"))) found.push(match[0]);
        }
        return found;
      },
      { pattern: RAW_ID.source, expert: EXPERT_DETAIL },
    );
    // The same at both widths: said once, at the first.
    if (ids.length && width === WIDTHS[0].width)
      issues.push(`raw id outside an expert detail: ${[...new Set(ids)].join(", ")}`);
    return issues;
  }
}
