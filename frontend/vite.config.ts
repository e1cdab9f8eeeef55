import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The app runs inside the Wails webview with no network: everything is bundled,
// nothing is fetched from a CDN. `base: './'` keeps asset URLs relative so the
// embedded file server finds them.
export default defineConfig({
  plugins: [svelte()],
  base: './',
  build: {
    outDir: 'dist',
    // Vite empties dist/ before writing; scripts/keep-dist.mjs (postbuild)
    // puts dist/.gitkeep back so `go:embed all:frontend/dist` works on a fresh clone.
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    strictPort: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
