// Shared set-up for the end-to-end tests (not a test file itself): a bridge
// on its own data folder and port, Debian's Chromium, and the checks the
// locale and accessibility tests share.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

export const bridgeBin = resolve(process.env.KEMBANG_BRIDGE ?? '../build/bin/kembang-bridge');
export const shots = resolve(process.env.KEMBANG_SCREENSHOTS ?? 'test-results/screenshots');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const dist = resolve('dist');

/** The main screens in navigation order (App.svelte navItems). */
export const SCREENS = ['dashboard', 'employees', 'assessment', 'analysis', 'plans', 'training', 'jp', 'framework', 'org', 'transfer', 'settings'];

/**
 * The data folder as the bridge sees it: the default folder of a user named
 * "pegawai" (<user config dir>/Kembang). Screens that show the data folder,
 * the backups folder or a saved file then show a path such as an office
 * laptop would, never this machine's temporary folders. The bridge runs in
 * its own user and mount namespace (util-linux unshare) where a private
 * /home holds /home/pegawai/.config/Kembang, bound to the real temporary
 * data folder; the real entries of /home are bound back beside it. Its own
 * UTS namespace gives it a laptop's host name instead of this machine's.
 */
export const PROFILE_HOME = '/home/pegawai';
export const SHOWN_DATA_DIR = `${PROFILE_HOME}/.config/Kembang`;
/** The host name the bridge sees (the laptop name proposed when enrolling), not this machine's. */
export const LAPTOP_NAME = 'laptop-kepegawaian';

// Runs in the namespace: $1 the real data folder, $2 an empty folder to keep
// the real /home reachable, then the bridge command.
const NAMESPACE_SCRIPT = `set -e
data=$1; stash=$2; shift 2
mount --bind /home "$stash"
mount -t tmpfs -o mode=755 kembang-home /home
for e in "$stash"/* "$stash"/.[!.]*; do
  [ -e "$e" ] || continue
  n=\${e##*/}
  [ "$n" = pegawai ] && continue
  mkdir "/home/$n" && mount --bind "$e" "/home/$n"
done
mkdir -p ${SHOWN_DATA_DIR}
mount --bind "$data" ${SHOWN_DATA_DIR}
printf %s ${LAPTOP_NAME} > /proc/sys/kernel/hostname
exec "$@"`;

let namespaceOK;
/** Whether the bridge can run with the profile path (unprivileged user namespaces and unshare). */
export function profileNamespace() {
  if (namespaceOK === undefined) {
    // The stash for /home must live outside /home.
    const underHome = !relative('/home', tmpdir()).startsWith('..');
    namespaceOK = !underHome && spawnSync('unshare', ['--user', '--map-root-user', '--mount', '--uts', 'true']).status === 0;
    if (!namespaceOK && process.env.KEMBANG_SCREENSHOTS) {
      throw new Error('screenshots need `unshare --user --map-root-user --mount --uts` (util-linux, unprivileged user namespaces) '
        + 'and a temporary folder outside /home, so that they show a neutral data folder instead of this machine\'s');
    }
  }
  return namespaceOK;
}

/** A fresh, empty data folder (remove it with removeDataDir). */
export function newDataDir(prefix = 'kembang-e2e-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dir = join(root, 'Kembang');
  mkdirSync(dir);
  return dir;
}

export function removeDataDir(dir) {
  rmSync(resolve(dir, '..'), { recursive: true, force: true });
}

/**
 * Starts a bridge on a free loopback port on the data folder dir; resolves
 * with { proc, url, dataDir, shownDir }. shownDir is the folder's path in the
 * app (SHOWN_DATA_DIR when the namespace is available, else dir itself);
 * realPath(b, p) turns a path the app shows into one this process can open.
 */
export function startBridge(dir, demo) {
  return new Promise((ok, fail) => {
    const ns = profileNamespace();
    const shownDir = ns ? SHOWN_DATA_DIR : dir;
    const args = ['--data-dir', shownDir, '--dist', dist, '--addr', '127.0.0.1:0'];
    if (demo) args.push('--demo', String(demo));
    let p;
    let stash;
    if (ns) {
      stash = mkdtempSync(join(tmpdir(), 'kembang-e2e-home-'));
      // The user's own profile: no KEMBANG_DATA_DIR, no XDG_CONFIG_HOME of this machine.
      const env = { ...process.env, HOME: PROFILE_HOME, USER: 'pegawai', LOGNAME: 'pegawai' };
      delete env.XDG_CONFIG_HOME;
      delete env.KEMBANG_DATA_DIR;
      p = spawn('unshare', ['--user', '--map-root-user', '--mount', '--uts', '--propagation', 'private',
        'sh', '-c', NAMESPACE_SCRIPT, 'sh', resolve(dir), stash, bridgeBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
    } else {
      p = spawn(bridgeBin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    }
    const removeStash = () => { if (stash) rmSync(stash, { recursive: true, force: true }); };
    let log = '';
    const timer = setTimeout(() => fail(new Error(`bridge did not start:\n${log}`)), 60000);
    const onData = (b) => {
      log += b.toString();
      const m = log.match(/listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        ok({ proc: p, url: m[1], dataDir: resolve(dir), shownDir, removeStash });
      }
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', onData);
    p.on('exit', (code) => {
      clearTimeout(timer);
      removeStash();
      fail(new Error(`bridge exited with ${code}:\n${log}`));
    });
  });
}

/** The path, as this process sees it, of a path the app shows (inside the bridge's data folder). */
export function realPath(b, shown) {
  if (shown === b.shownDir || shown.startsWith(b.shownDir + sep)) return b.dataDir + shown.slice(b.shownDir.length);
  return shown;
}

export function stopBridge(b) {
  if (!b || b.proc.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    b.proc.removeAllListeners('exit');
    b.proc.on('exit', () => {
      b.removeStash?.();
      ok();
    });
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
  const dataDir = newDataDir();
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
      removeDataDir(dataDir);
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

