/** User agents that announce a headless browser or an HTTP library rather than a person's browser. */
const HEADLESS =
  /^node$|HeadlessChrome|PhantomJS|puppeteer|playwright|selenium|python-requests|curl\/|wget\/|Go-http-client|okhttp|axios\/|node-fetch|undici/i;

export function isHeadlessUserAgent(userAgent: string | undefined): boolean {
  return !userAgent || HEADLESS.test(userAgent);
}
