/**
 * report.html in a real browser: Debian's Chromium (/usr/bin/chromium, installed by .ci/run)
 * driven by playwright-core, the page opened from a file:// URL with every other request
 * aborted. No console errors, every chart drawn with its marks, a screenshot kept in
 * test-artifacts/. A missing Chromium FAILS the test (CI installs it), with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { writeFixture } from './fixture.js';
import { writeReport } from '../../src/report/index.js';
import { tempDir } from '../tmp.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve('test-artifacts', 'report');
const CHART_IDS = ['completion-curve', 'completion-histogram', 'remaining-fan', 'lost-hours', 'utilisation', 'convergence', 'gantt'];

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const blocked: string[] = [];
const loaded: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: the browser test needs Debian's chromium (apt-get install -y chromium; .ci/run installs it)`);
  }
  const dir = tempDir('airlift-browser-');
  writeFixture(dir);
  await writeReport(dir, { charts: false });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) {
      loaded.push(url);
      return route.continue();
    }
    blocked.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  await page.waitForSelector('body[data-charts-done]', { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
});

describe('report.html in Chromium, offline', () => {
  it('loads with no console errors and asks for nothing but the page itself', () => {
    expect(consoleErrors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(loaded).toHaveLength(1);
  });

  it('shows the headline', async () => {
    expect(await page.textContent('#headline')).toMatch(/^P\(cleared by 15 Sep 2024\) = 0\.\d\d \[0\.\d\d, 0\.\d\d\], n = 4,000$/);
  });

  it.each(CHART_IDS)('draws %s with its marks', async (id) => {
    const el = page.locator(`#chart-${id}`);
    expect(await el.getAttribute('data-rendered')).toBe('true');
    const marks = await el.locator('svg g[class^="mark-"] path, svg g[class^="mark-"] rect, svg g[class^="mark-"] line').count();
    expect(marks).toBeGreaterThan(5);
    expect(await el.locator('.vega-actions').count()).toBe(0); // actions (incl. "open in editor") off
  });

  it('shows a tooltip on hover', async () => {
    const bar = page.locator('#chart-lost-hours svg g.mark-rect path').first();
    await bar.scrollIntoViewIfNeeded();
    await bar.hover();
    const tip = page.locator('#vg-tooltip-element');
    await tip.waitFor({ state: 'visible', timeout: 5_000 });
    expect(await tip.textContent()).toMatch(/Cause/);
  });

  it('keeps a full-page screenshot as a test artefact', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'report.png');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(50_000);
  });
});
