// Shared set-up for the end-to-end tests (not a test file itself): a bridge
// on its own data folder and port, Debian's Chromium, and the checks the
// locale and accessibility tests share.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const bridgeBin = resolve(process.env.KEMBANG_BRIDGE ?? '../build/bin/kembang-bridge');
export const shots = resolve(process.env.KEMBANG_SCREENSHOTS ?? 'test-results/screenshots');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const dist = resolve('dist');

/** The main screens in navigation order (App.svelte navItems). */
export const SCREENS = ['dashboard', 'employees', 'assessment', 'analysis', 'plans', 'training', 'jp', 'framework', 'org', 'transfer', 'settings'];

/** Starts a bridge on a free loopback port; resolves with { proc, url }. */
export function startBridge(dir, demo) {
  return new Promise((ok, fail) => {
    const args = ['--data-dir', dir, '--dist', dist, '--addr', '127.0.0.1:0'];
    if (demo) args.push('--demo', String(demo));
    const p = spawn(bridgeBin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const timer = setTimeout(() => fail(new Error(`bridge did not start:\n${log}`)), 60000);
    const onData = (b) => {
      log += b.toString();
      const m = log.match(/listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        ok({ proc: p, url: m[1] });
      }
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', onData);
    p.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`bridge exited with ${code}:\n${log}`));
    });
  });
}

export function stopBridge(b) {
  if (!b || b.proc.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    b.proc.removeAllListeners('exit');
    b.proc.on('exit', () => ok());
    b.proc.kill('SIGTERM');
  });
}

/**
 * A demo office (n employees) on a fresh data folder, Chromium at 1366×768 and
 * one page on the dashboard. close() tears everything down.
 */
export async function openApp(n = 60) {
  assert.ok(existsSync(bridgeBin), `bridge binary missing: ${bridgeBin} (make e2e builds it)`);
  assert.ok(existsSync(join(dist, 'index.html')), 'frontend not built (npm run build)');
  assert.ok(existsSync(chromiumPath), `Chromium missing at ${chromiumPath} (apt-get install chromium)`);
  mkdirSync(shots, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'kembang-e2e-'));
  const bridge = await startBridge(dataDir, n);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(bridge.url);
  await page.getByTestId('count-employees').waitFor();
  return {
    dataDir, bridge, browser, page, errors,
    async close() {
      await browser.close();
      await stopBridge(bridge);
      rmSync(dataDir, { recursive: true, force: true });
      assert.deepEqual(errors.map(String), [], 'uncaught errors in the page');
    },
  };
}

/** Opens a main screen through the navigation and waits for it to render. */
export async function openScreen(page, view) {
  await page.getByTestId(`nav-${view}`).click();
  await page.getByTestId(`view-${view}`).waitFor();
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForTimeout(300);
}

/** The topmost open dialog. */
export function topDialog(page) {
  return page.locator('[role="dialog"]').last();
}

/** Waits for every dialog to close. */
export async function noDialog(page) {
  await page.waitForFunction(() => document.querySelectorAll('[role="dialog"]').length === 0);
}

/** Loads the message catalogs (src/i18n/id.ts and en.ts) through esbuild. */
export async function catalogs() {
  const { transformSync } = await import('esbuild');
  const load = async (file, name) => {
    const src = readFileSync(resolve('src/i18n', file), 'utf8');
    const js = transformSync(src, { loader: 'ts', format: 'esm' }).code;
    const mod = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`);
    return mod[name];
  };
  return { id: await load('id.ts', 'id'), en: await load('en.ts', 'en') };
}

// Roles of controls a person operates; each needs an accessible name.
const CONTROL_ROLES = new Set(['button', 'textbox', 'searchbox', 'combobox', 'listbox', 'checkbox', 'radio', 'spinbutton',
  'slider', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'link', 'gridcell', 'treeitem']);

/**
 * Controls without an accessible name (or with a name of symbols only), as
 * Chromium itself computes names (label, aria-label, aria-labelledby, title,
 * text): [{ role, html }]. Only what can be reached counts: the topmost
 * dialog's controls when one is open, rendered elements only.
 */
export async function unnamedControls(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const bad = [];
    for (const n of nodes) {
      if (n.ignored) continue;
      const role = n.role?.value;
      if (!CONTROL_ROLES.has(role)) continue;
      // A table cell in a grid is a control only when it takes the focus (an empty status cell is not).
      if (role === 'gridcell' && !n.properties?.some((p) => p.name === 'focusable' && p.value?.value)) continue;
      const name = String(n.name?.value ?? '').trim();
      // A name of symbols only ("×", "↑") tells a screen-reader user nothing.
      if (/[\p{L}\p{N}]/u.test(name)) continue;
      if (n.backendDOMNodeId === undefined) continue;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: n.backendDOMNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: `function () {
          // Only what a person can reach: inside the topmost dialog when one is open, and rendered.
          const dialogs = document.querySelectorAll('[role="dialog"]');
          const top = dialogs[dialogs.length - 1];
          if (top && !top.contains(this)) return null;
          if (!(this instanceof Element) || this.getClientRects().length === 0) return null;
          const html = this.outerHTML.replace(/\\s+/g, ' ');
          return html.length > 200 ? html.slice(0, 200) + '…' : html;
        }`,
        returnByValue: true,
      });
      if (result.value) bad.push({ role, html: name ? `named only "${name}": ${result.value}` : result.value });
    }
    return bad;
  } finally {
    await cdp.detach();
  }
}

/** The screenshot path for a name. */
export function shotPath(name) {
  return join(shots, `${name}.png`);
}

