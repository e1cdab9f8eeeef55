// End-to-end test of the settings screen on its own data folder: back up,
// change the data, restore the backup with one click and see the data come
// back; back up to a folder; export the settings and import them again,
// and a broken settings file is refused with a clear message. Same setup as
// app.test.mjs: the real bundle and Go services over the bridge, Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, existsSync, readdirSync, readFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { newDataDir, removeDataDir, startBridge, stopBridge } from './harness.mjs';

const bridgeBin = resolve(process.env.KEMBANG_BRIDGE ?? '../build/bin/kembang-bridge');
const shots = resolve(process.env.KEMBANG_SCREENSHOTS ?? 'test-results/screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const dist = resolve('dist');

let dataDir;
let bridge;
let browser;
let page;


async function shot(name) {
  await page.screenshot({ path: join(shots, `${name}.png`), style: '[data-testid="toasts"] { display: none !important; }' });
}

async function waitForFile(path) {
  for (let i = 0; i < 100 && !existsSync(path); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(existsSync(path), `missing: ${path}`);
}

const NIP = '19850214 201001 2 003';

async function employeeTotal(nip) {
  await page.getByTestId('nav-employees').click();
  await page.getByTestId('employee-search').fill(nip.replace(/\s/g, ''));
  await page.waitForFunction(() => document.querySelector('[data-testid="employee-total"]')?.hasAttribute('data-total'));
  await page.waitForTimeout(400); // the search is debounced
  return Number(await page.getByTestId('employee-total').getAttribute('data-total'));
}

before(async () => {
  assert.ok(existsSync(bridgeBin), `bridge binary missing: ${bridgeBin} (make e2e builds it)`);
  assert.ok(existsSync(join(dist, 'index.html')), 'frontend not built (npm run build)');
  assert.ok(existsSync(chromiumPath), `Chromium missing at ${chromiumPath} (apt-get install chromium)`);
  mkdirSync(shots, { recursive: true });
  dataDir = newDataDir('kembang-e2e-settings-');
  bridge = await startBridge(dataDir, 40);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(bridge.url);
  await page.getByTestId('nav-employees').waitFor();
});

after(async () => {
  await browser?.close();
  await stopBridge(bridge);
  if (dataDir) removeDataDir(dataDir);
});

test('settings: every control is labelled and reachable with the keyboard', async () => {
  // From the sidebar by keyboard: focus the settings entry and press Enter.
  await page.getByTestId('nav-settings').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('settings').waitFor();
  await page.getByTestId('backup-keep').waitFor();
  assert.equal(await page.getByTestId('data-folder-dir').innerText(), bridge.shownDir);
  const unlabelled = await page.getByTestId('settings').evaluate((root) => {
    const out = [];
    for (const el of root.querySelectorAll('button, input, select, textarea, a[href]')) {
      const name = el.getAttribute('aria-label') || (el.labels && [...el.labels].map((l) => l.textContent).join(' ').trim()) || el.textContent.trim();
      if (!name) out.push(el.outerHTML.slice(0, 120));
      if (el.tabIndex < 0) out.push(`not in tab order: ${el.outerHTML.slice(0, 120)}`);
    }
    return out;
  });
  assert.deepEqual(unlabelled, []);
  await shot('settings');
});

test('backups: back up, change the data, restore with one click and see the data as it was', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-create').click();
  const manual = page.locator('[data-testid="backup-row"][data-kind="manual"]').first();
  await manual.waitFor();
  const name = await manual.getAttribute('data-name');
  assert.match(name, /^kembang-\d{8}-\d{6}-manual\.db$/);
  assert.ok(existsSync(join(dataDir, 'backups', name)));

  // After the backup: a new employee.
  assert.equal(await employeeTotal(NIP), 0);
  await page.getByTestId('employee-search').fill('');
  await page.getByTestId('employee-add').click();
  await page.getByTestId('employee-dialog').waitFor();
  await page.getByTestId('employee-nip').fill(NIP);
  await page.getByTestId('employee-name').fill('Ni Luh Putu Ayu Lestari');
  await page.getByTestId('employee-golongan').selectOption('III/c');
  await page.getByTestId('employee-save').click();
  await page.getByTestId('employee-dialog').waitFor({ state: 'detached' });
  assert.equal(await employeeTotal(NIP), 1);

  // Restore the backup: the current data is kept as a pre-restore copy first.
  await page.getByTestId('nav-settings').click();
  const row = page.locator(`[data-testid="backup-row"][data-name="${name}"]`);
  await row.getByTestId('backup-restore').click();
  await page.getByTestId('confirm-dialog').waitFor();
  await page.getByTestId('confirm-ok').click();
  const result = page.getByTestId('restore-result');
  await result.waitFor();
  assert.match(await result.innerText(), /before-restore\.db/);
  await page.locator('[data-testid="backup-row"][data-kind="pre-restore"]').first().waitFor();
  await page.getByTestId('backups').scrollIntoViewIfNeeded();
  await shot('settings-backups');

  assert.equal(await employeeTotal(NIP), 0, 'the employee added after the backup is gone after the restore');
  // The data of the backup is all there.
  await page.getByTestId('employee-search').fill('');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="employee-total"]')?.getAttribute('data-total')) === 40);
});

test('backups: to a folder (the bridge answers the folder question with <data>/usb)', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-create-folder').click();
  const usb = join(dataDir, 'usb');
  for (let i = 0; i < 100 && !(existsSync(usb) && readdirSync(usb).some((f) => f.endsWith('.db'))); i++) await new Promise((r) => setTimeout(r, 100));
  const files = readdirSync(usb).filter((f) => /^kembang-cadangan-\d{8}-\d{6}\.db$/.test(f));
  assert.equal(files.length, 1, `files in usb: ${readdirSync(usb)}`);
});

test('settings file: export, then import it back; a broken file is refused and changes nothing', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-export').click();
  const saved = join(dataDir, 'saved', 'kembang-pengaturan.json');
  await waitForFile(saved);
  const exported = JSON.parse(readFileSync(saved, 'utf8'));
  assert.equal(exported.format, 'kembang-settings');
  assert.equal(exported.officeKey, undefined, 'the office key is not exported unless asked for');

  exported.documents.agency = 'Pemerintah Kabupaten Uji Impor';
  const good = join(dataDir, 'pengaturan-baru.json');
  writeFileSync(good, JSON.stringify(exported));
  await page.getByTestId('settings-import-file').setInputFiles(good);
  await page.getByTestId('settings-import-result').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-agency"]')?.textContent === 'Pemerintah Kabupaten Uji Impor');

  exported.documents.agency = 'Tidak Boleh Masuk';
  exported.backup.keep = 0;
  const bad = join(dataDir, 'pengaturan-salah.json');
  writeFileSync(bad, JSON.stringify(exported));
  await page.getByTestId('settings-import-file').setInputFiles(bad);
  const errs = page.getByTestId('settings-import-errors');
  await errs.waitFor();
  assert.match(await errs.innerText(), /backup\.keep/);
  assert.match(await errs.innerText(), /tidak ada yang diubah/i);
  assert.equal(await page.getByTestId('settings-agency').innerText(), 'Pemerintah Kabupaten Uji Impor');

  const junk = join(dataDir, 'bukan-json.json');
  writeFileSync(junk, 'ini bukan JSON');
  await page.getByTestId('settings-import-file').setInputFiles(junk);
  await page.waitForFunction(() => /bukan berkas pengaturan Kembang/.test(document.querySelector('[data-testid="settings-import-errors"]')?.textContent ?? ''));
});

test('a damaged database is replaced by a backup from the startup screen', async () => {
  const broken = newDataDir('kembang-e2e-damaged-');
  try {
    const manual = readdirSync(join(dataDir, 'backups')).find((f) => f.endsWith('-manual.db'));
    mkdirSync(join(broken, 'backups'));
    copyFileSync(join(dataDir, 'backups', manual), join(broken, 'backups', manual));
    writeFileSync(join(broken, 'kembang.db'), Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(65536, 0x42)]));
    const second = await startBridge(broken, 0);
    try {
      const p2 = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await p2.goto(second.url);
      const box = p2.getByTestId('startup-error');
      await box.waitFor();
      assert.equal(await box.getAttribute('data-code'), 'db.corrupt');
      await p2.getByTestId('startup-backups').waitFor();
      await p2.screenshot({ path: join(shots, 'startup-restore.png') });
      await p2.getByTestId('startup-restore').first().click();
      await p2.getByTestId('nav-employees').waitFor();
      await p2.waitForFunction(() => document.querySelector('[data-testid="count-employees"] .num')?.textContent?.trim() === '40');
      // The damaged file is kept as the pre-restore copy.
      assert.ok(readdirSync(join(broken, 'backups')).some((f) => f.endsWith('-before-restore.db')));
      await p2.close();
    } finally {
      await stopBridge(second);
    }
  } finally {
    removeDataDir(broken);
  }
});
