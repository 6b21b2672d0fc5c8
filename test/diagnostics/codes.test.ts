// The code table: banded, named, documented, and the helpers that read it.
import { describe, expect, it } from 'vitest';
import { CODES, createDiagnostic, formatMessage, lookupCode } from '../../src/diagnostics/codes.js';
import { explainCode } from '../../src/diagnostics/render/explain.js';

const BANDS: Record<string, string> = { '1': 'parse', '2': 'analyze', '3': 'translate', '4': 'asyncio map', '5': 'emit', '6': 'CLI/IO', '9': 'internal' };

describe('the code table', () => {
  it('gives every code the PYTS + 4 digits form, a known band, a kebab name and all doc sections', () => {
    for (const info of CODES) {
      expect(info.code).toMatch(/^PYTS\d{4}$/);
      expect(BANDS[info.code[4]!]).toBeDefined();
      expect(info.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      for (const section of [info.doc.what, info.doc.why, info.doc.example, info.doc.instead]) expect(section.length).toBeGreaterThan(0);
    }
  });

  it('never reuses a code or a name', () => {
    expect(new Set(CODES.map((info) => info.code)).size).toBe(CODES.length);
    expect(new Set(CODES.map((info) => info.name)).size).toBe(CODES.length);
  });

  it('holds the codes other stages rely on under their agreed names', () => {
    const agreed: Record<string, string> = {
      PYTS2001: 'undefined-name',
      PYTS3001: 'unsupported-syntax',
      PYTS3002: 'unsupported-builtin',
      PYTS4001: 'unknown-asyncio-name',
      PYTS4002: 'removed-asyncio-api',
      PYTS6001: 'file-not-found',
      PYTS6002: 'not-a-python-file',
      PYTS9001: 'internal-error',
    };
    for (const [code, name] of Object.entries(agreed)) expect(lookupCode(code)?.name).toBe(name);
  });

  it('finds a code by number (any case) or by name, and nothing for an unknown one', () => {
    expect(lookupCode('pyts4002')?.name).toBe('removed-asyncio-api');
    expect(lookupCode('removed-asyncio-api')?.code).toBe('PYTS4002');
    expect(lookupCode('PYTS0000')).toBeUndefined();
  });
});

describe('createDiagnostic', () => {
  it('fills the template and keeps range and hint', () => {
    const range = { start: { line: 3, col: 4 }, end: { line: 3, col: 9 } };
    const args = ['sleeep', " Did you mean 'asyncio.sleep'?"];
    expect(createDiagnostic('unknown-asyncio-name', { file: 'a.py', range, args, hint: 'Check the spelling.' })).toEqual({
      code: 'PYTS4001',
      severity: 'error',
      message: "'asyncio.sleeep' does not exist. Did you mean 'asyncio.sleep'?",
      file: 'a.py',
      range,
      hint: 'Check the spelling.',
    });
  });

  it('leaves out the hint when none is given', () => {
    expect('hint' in createDiagnostic('PYTS6001', { file: 'x.py', range: null, args: ['x.py'] })).toBe(false);
  });

  it('leaves a placeholder without an argument visible', () => {
    expect(formatMessage("'{0}' was removed in Python {1}.", ['loop'])).toBe("'loop' was removed in Python {1}.");
  });
});

describe('explain', () => {
  it('prints what the code flags, why, an example and what to do instead', async () => {
    await expect(explainCode('PYTS4002')).toMatchFileSnapshot('./__snapshots__/explain-PYTS4002.txt');
  });

  it('accepts a name and returns nothing for an unknown code', () => {
    expect(explainCode('removed-asyncio-api')).toBe(explainCode('PYTS4002'));
    expect(explainCode('PYTS0000')).toBeUndefined();
  });
});
