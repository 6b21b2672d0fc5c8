// Every renderer shows the same sample; the snapshots under __snapshots__/ are what a reviewer reads.
import { describe, expect, it } from 'vitest';
import { renderGithub } from '../../src/diagnostics/render/github.js';
import { renderJson } from '../../src/diagnostics/render/json.js';
import { renderPretty } from '../../src/diagnostics/render/pretty.js';
import { sampleDiagnostics, sampleSources } from './sample.js';

describe('renderers', () => {
  it('pretty prints tsc\'s form with code frames, hints and a summary', async () => {
    await expect(renderPretty(sampleDiagnostics, sampleSources)).toMatchFileSnapshot('./__snapshots__/pretty.txt');
  });

  it('pretty prints ANSI colours only when asked', async () => {
    const plain = renderPretty(sampleDiagnostics, sampleSources);
    const coloured = renderPretty(sampleDiagnostics, sampleSources, { color: true });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).toContain('\u001b[31merror\u001b[0m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(plain);
  });

  it('renders JSON with 1-based lines and columns', async () => {
    const text = renderJson(sampleDiagnostics);
    expect(JSON.parse(text)[0]).toMatchObject({ file: 'app/main.py', code: 'PYTS4002', line: 5, column: 13, endLine: 5, endColumn: 35 });
    await expect(text).toMatchFileSnapshot('./__snapshots__/diagnostics.json');
  });

  it('renders GitHub workflow commands', async () => {
    await expect(renderGithub(sampleDiagnostics)).toMatchFileSnapshot('./__snapshots__/github.txt');
  });

  it('renders nothing but an empty list for no diagnostics', () => {
    expect(renderJson([])).toBe('[]\n');
    expect(renderGithub([])).toBe('');
  });

  it('counts errors, warnings and files in the summary line', () => {
    const summary = (diagnostics: typeof sampleDiagnostics): string => renderPretty(diagnostics, sampleSources).trimEnd().split('\n').pop()!;
    const errors = sampleDiagnostics.filter((d) => d.severity === 'error');
    expect(summary(errors.slice(0, 1))).toBe('Found 1 error in 1 file.');
    expect(summary(errors)).toBe(`Found ${errors.length} errors in ${new Set(errors.map((d) => d.file)).size} files.`);
    expect(summary(sampleDiagnostics.filter((d) => d.severity === 'warning'))).toBe('Found 1 warning in 1 file.');
  });
});
