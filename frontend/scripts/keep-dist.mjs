// Vite's emptyOutDir removes dist/.gitkeep; the Go side embeds frontend/dist
// (`//go:embed all:frontend/dist`), which must exist even on a fresh clone.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
mkdirSync(dist, { recursive: true });
const keep = new URL('../dist/.gitkeep', import.meta.url);
if (!existsSync(keep)) writeFileSync(keep, '');
