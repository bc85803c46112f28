/** The progress bar appears only on a terminal, and never under CI, --json or --quiet. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeProgress } from '../../src/cli/commands/run.js';

const original = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
const originalCI = process.env['CI'];

function setTTY(v: boolean): void {
  Object.defineProperty(process.stderr, 'isTTY', { value: v, configurable: true });
}
afterEach(() => {
  if (original) Object.defineProperty(process.stderr, 'isTTY', original);
  else delete (process.stderr as { isTTY?: boolean }).isTTY;
  if (originalCI === undefined) delete process.env['CI'];
  else process.env['CI'] = originalCI;
  vi.restoreAllMocks();
});

async function drawn(tty: boolean, ci: string | undefined, wanted: boolean): Promise<number> {
  setTTY(tty);
  if (ci === undefined) delete process.env['CI'];
  else process.env['CI'] = ci;
  const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const p = await makeProgress(wanted);
  p.update(0, 100);
  p.update(50, 100);
  p.update(100, 100);
  p.stop();
  return write.mock.calls.length;
}

describe('makeProgress', () => {
  it('draws on a terminal', async () => {
    expect(await drawn(true, undefined, true)).toBeGreaterThan(0);
  });
  it('draws nothing in a pipe', async () => {
    expect(await drawn(false, undefined, true)).toBe(0);
  });
  it('draws nothing under CI', async () => {
    expect(await drawn(true, 'true', true)).toBe(0);
  });
  it('draws nothing when not wanted (--json, --quiet)', async () => {
    expect(await drawn(true, undefined, false)).toBe(0);
  });
});

describe('NO_COLOR', () => {
  it('removes colour from the bar, keeps it otherwise', async () => {
    const text = async (noColor: string | undefined): Promise<string> => {
      setTTY(true);
      delete process.env['CI'];
      const before = process.env['NO_COLOR'];
      if (noColor === undefined) delete process.env['NO_COLOR'];
      else process.env['NO_COLOR'] = noColor;
      const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      const p = await makeProgress(true);
      p.update(10, 100);
      p.stop();
      if (before === undefined) delete process.env['NO_COLOR'];
      else process.env['NO_COLOR'] = before;
      const out = write.mock.calls.map((c) => String(c[0])).join('');
      write.mockRestore();
      return out;
    };
    expect(await text('1')).not.toContain('\u001b[36m');
    expect(await text(undefined)).toContain('\u001b[36m');
  });
});
