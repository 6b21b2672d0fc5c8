// `pyts preview` run as a user would, then the page opened in headless Chromium (Debian's `chromium`, which
// .ci/run installs): it loads offline without console errors, pairs each Python statement with its translation,
// marks diagnostics at their lines, lists the files of a folder, and renders to a readable screenshot.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runPyts } from '../helpers/run-pyts.js';
import { tempFolder } from '../helpers/temp-folder.js';

const chromiumPath = '/usr/bin/chromium';

const worker = [
  'import asyncio',
  '',
  '# one worker per job',
  'async def worker(name, delay):',
  '    await asyncio.sleep(delay)',
  '    if delay > 1:',
  '        raise ValueError(f"{name} too slow")',
  '    return name.upper()',
  '',
  '',
  'async def main():',
  '    results = await asyncio.gather(worker("a", 0.01), worker("b", 0.02))',
  '    for r in results:',
  '        print(r)',
  '',
  'asyncio.run(main())',
  '',
].join('\n');

// A removed asyncio API: translated, with a warning at line 4.
const legacy = [
  'import asyncio',
  '',
  'async def main():',
  '    for t in asyncio.Task.all_tasks():',
  '        t.cancel()',
  '',
].join('\n');

// A syntax error at line 2: no TypeScript, the error shown at its line.
const broken = ['print("start")', 'def broken(:', '    pass', ''].join('\n');

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath });
});
afterAll(async () => {
  await browser?.close();
});

interface LoadedPage {
  page: Page;
  consoleErrors: string[];
  /** requests for anything but the page itself */
  requests: string[];
}

async function openReport(file: string): Promise<LoadedPage> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const url = pathToFileURL(file).href;
  await page.route('**/*', async (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, requests };
}

/** The Python and TypeScript texts of the row holding Python line `line`. */
async function rowOf(
  page: Page,
  section: string,
  line: number,
): Promise<{ python: string; typescript: string; paired: boolean }> {
  const row = page.locator(`${section} tr.line[data-py="${line}"]`);
  return {
    python: (await row.locator('td.code.py').textContent()) ?? '',
    typescript: (await row.locator('td.code.ts').textContent()) ?? '',
    paired: ((await row.getAttribute('class')) ?? '').split(' ').includes('paired'),
  };
}

/** Pixel statistics of a PNG, computed by the browser itself (it decodes PNG; no image library needed). */
async function imageStatistics(
  page: Page,
  png: Buffer,
): Promise<{ width: number; height: number; deviation: number; colours: number; darkShare: number }> {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let sum = 0;
    let sumOfSquares = 0;
    let dark = 0;
    const colours = new Set<number>();
    const pixels = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const luminance = 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
      sum += luminance;
      sumOfSquares += luminance * luminance;
      if (luminance < 100) dark++;
      colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    }
    const mean = sum / pixels;
    return {
      width: image.width,
      height: image.height,
      deviation: Math.sqrt(sumOfSquares / pixels - mean * mean),
      colours: colours.size,
      darkShare: dark / pixels,
    };
  }, png.toString('base64'));
}

describe('pyts preview', () => {
  test('FILE.py: one page with each statement beside its translation, offline and without errors', async () => {
    const folder = tempFolder({ 'worker.py': worker });
    const result = await runPyts(['preview', 'worker.py', '-o', 'report.html'], { cwd: folder });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe('Wrote report.html: 1 file, 0 diagnostics.\n');
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    // self-contained: no external script, style, image or font
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import/);

    const { page, consoleErrors, requests } = await openReport(join(folder, 'report.html'));
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    // a single file: no file list
    expect(await page.locator('nav.files').count()).toBe(0);
    const pairs: [number, string, string][] = [
      [4, 'async def worker(name, delay):', 'async function worker('],
      [5, 'await asyncio.sleep(delay)', 'await asyncio.sleep(delay);'],
      [6, 'if delay > 1:', 'if (delay > 1) {'],
      [7, 'raise ValueError(f"{name} too slow")', 'throw new ValueError(`${name} too slow`);'],
      [11, 'async def main():', 'async function main('],
      [13, 'for r in results:', 'for (const r of results) {'],
      [14, 'print(r)', 'print(r);'],
      [16, 'asyncio.run(main())', 'await asyncio.run(coro(main));'],
    ];
    for (const [line, python, typescript] of pairs) {
      const row = await rowOf(page, 'section.file', line);
      expect(row.python.trim(), `Python line ${line}`).toBe(python);
      expect(row.typescript.trim().startsWith(typescript), `TypeScript beside line ${line}: ${row.typescript}`).toBe(
        true,
      );
      expect(row.paired).toBe(true);
    }
    // the comment stands beside its translation, between the statements around it
    const rows = await page
      .locator('section.file tr.line')
      .evaluateAll((trs) =>
        trs.map((tr) => [tr.querySelector('td.code.py')!.textContent, tr.querySelector('td.code.ts')!.textContent]),
      );
    const commentRow = rows.findIndex(([python]) => python === '# one worker per job');
    expect(rows[commentRow]).toEqual(['# one worker per job', '// one worker per job']);
    expect(commentRow).toBeLessThan(rows.findIndex(([python]) => python === 'async def worker(name, delay):'));

    // code is set at a readable size
    const fontSize = await page
      .locator('td.code.ts')
      .first()
      .evaluate((td) => parseFloat(getComputedStyle(td).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(12);
    const screenshot = await page.screenshot({ fullPage: true });
    const stats = await imageStatistics(page, screenshot);
    expect(stats.width).toBe(1280);
    expect(stats.height).toBeGreaterThan(400);
    // text on a light page: many shades (anti-aliased glyphs), a clear spread, and some dark ink but not a dark page
    expect(stats.colours).toBeGreaterThan(50);
    expect(stats.deviation).toBeGreaterThan(15);
    expect(stats.darkShare).toBeGreaterThan(0.005);
    expect(stats.darkShare).toBeLessThan(0.3);
    await page.close();
  });

  test('DIR: a file list, and diagnostics with their code and message at their lines', async () => {
    const folder = tempFolder({ 'src/worker.py': worker, 'src/legacy.py': legacy, 'src/pkg/broken.py': broken });
    const result = await runPyts(['preview', 'src', '-o', 'out/report.html'], { cwd: folder });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Wrote out\/report\.html: 3 files, [1-9]\d* diagnostics?\.\n$/);

    const { page, consoleErrors, requests } = await openReport(join(folder, 'out', 'report.html'));
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    const names = await page.locator('nav.files a').allTextContents();
    expect(names).toEqual(['src/legacy.py', 'src/pkg/broken.py', 'src/worker.py']);
    // the first file is shown, the others wait for their link
    expect(await page.locator('section.file:not([hidden])').getAttribute('data-file')).toBe('src/legacy.py');

    const legacySection = 'section.file[data-file="src/legacy.py"]';
    const warning = page.locator(`${legacySection} tr.diagnostic[data-line="4"]`);
    expect(await warning.getAttribute('data-code')).toMatch(/^PYTS4\d{3}$/);
    expect(await warning.textContent()).toContain("'asyncio.Task.all_tasks'");
    expect(await rowOf(page, legacySection, 4)).toMatchObject({
      python: '    for t in asyncio.Task.all_tasks():',
      paired: true,
    });

    await page.locator('nav.files a', { hasText: 'src/pkg/broken.py' }).click();
    const brokenSection = 'section.file[data-file="src/pkg/broken.py"]';
    // the click is handled asynchronously: wait for the section to show (a loaded machine can lag behind)
    await page.waitForSelector(`${brokenSection}:not([hidden])`);
    expect(await page.locator('section.file:not([hidden])').getAttribute('data-file')).toBe('src/pkg/broken.py');
    const error = page.locator(`${brokenSection} tr.diagnostic.error[data-line="2"]`);
    expect(await error.getAttribute('data-code')).toMatch(/^PYTS1\d{3}$/);
    expect(await page.locator(`${brokenSection} .failed`).count()).toBe(1);
    expect(await rowOf(page, brokenSection, 2)).toMatchObject({ python: 'def broken(:', typescript: '' });

    const stats = await imageStatistics(page, await page.locator(brokenSection).screenshot());
    expect(stats.deviation).toBeGreaterThan(15);
    expect(stats.darkShare).toBeGreaterThan(0.005);
    await page.close();
  });

  test('-o must name an .html file', async () => {
    const folder = tempFolder({ 'worker.py': worker });
    const result = await runPyts(['preview', 'worker.py', '-o', 'report.txt'], { cwd: folder });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("'report.txt' is not an .html file");
  });
});
