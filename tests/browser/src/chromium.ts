// Headless Chromium as the browser checks launch it, and a record of what a page complains about: script errors,
// console errors (a Content-Security-Policy refusal is one) and failed requests.
import { chromium, type Browser, type Page } from "playwright-core";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
    timeout: 30_000,
  });
}

/** Collects the page's problems into the list it returns; the change stream dropping on close is expected. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const failure = request.failure()?.errorText ?? "";
    // Dropped on purpose: the stream when the page closes, a search the reader typed past.
    if (request.url().includes("/changes/stream") || failure.includes("ERR_ABORTED")) return;
    problems.push(`request failed: ${request.url()} (${failure})`);
  });
  return problems;
}
