// README.md shows the screenshots in docs/screenshots/: every picture there is
// linked from the README, and every picture the README links is there.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const folder = join(root, 'docs', 'screenshots');

/** The screenshot files README.md names, in Markdown and HTML links alike. */
function linked(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/docs\/screenshots\/([^\s"')\]<>]+)/g)) out.add(decodeURIComponent(m[1]));
  return out;
}

describe('README screenshots', () => {
  const files = readdirSync(folder).filter((f) => !f.startsWith('.')).sort();
  const names = linked(readme);

  it('finds the screenshots and the links', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(names.size).toBeGreaterThan(0);
  });

  it('links every file in docs/screenshots', () => {
    expect(files.filter((f) => !names.has(f))).toEqual([]);
  });

  it('links no file that is missing', () => {
    expect([...names].filter((n) => !files.includes(n)).sort()).toEqual([]);
  });

  it('reads links of both kinds', () => {
    expect([...linked('![a](docs/screenshots/a.png) <img src="docs/screenshots/b-en.png" width="3">')]).toEqual(['a.png', 'b-en.png']);
  });
});
