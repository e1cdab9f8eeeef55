// Browser test of the central web dashboard: the real kembang-server on
// loopback (PostgreSQL when KEMBANG_TEST_PG_DSN is set, SQLite otherwise),
// a real laptop database synced with the real kembangctl, and Debian's
// Chromium driven by playwright-core. `make web-e2e` builds the binaries;
// screenshots (1366×768) go to $KEMBANG_SCREENSHOTS or
// frontend/test-results/web-screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const bin = resolve(process.env.KEMBANG_BIN ?? '../build/bin');
const serverBin = join(bin, 'kembang-server');
const ctlBin = join(bin, 'kembangctl');
const toolBin = join(bin, 'kembang-webtool');
const shots = resolve(process.env.KEMBANG_SCREENSHOTS ?? 'test-results/web-screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const pgDSN = process.env.KEMBANG_TEST_PG_DSN ?? '';

const ADMIN_PW = 'admin-rahasia-2026';
const VIEWER_PW = 'viewer-rahasia-2026';

let work;
let dbArgs;
let schemaDSN = '';
let server;
let base;
let browser;
let laptop;
let certCode;

function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

const srv = (...args) => run(serverBin, [...dbArgs, ...args]);
const ctl = (...args) => run(ctlBin, ['--data-dir', laptop, ...args]);

function startServer() {
  return new Promise((ok, fail) => {
    const p = spawn(serverBin, [...dbArgs, 'serve', '--addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${log}`)), 30000);
    const onData = (b) => {
      log += b.toString();
      const m = log.match(/"msg":"serving","addr":"([^"]+)"/);
      if (m) {
        clearTimeout(timer);
        ok({ proc: p, url: `http://${m[1]}` });
      }
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', onData);
    p.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${log}`));
    });
  });
}

function stopServer(s) {
  if (!s || s.proc.exitCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    s.proc.removeAllListeners('exit');
    s.proc.on('exit', () => ok());
    s.proc.kill('SIGTERM');
  });
}

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: join(shots, `web-${name}.png`) });
}

async function login(page, user, pw) {
  await page.goto(`${base}/login`);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', pw);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
}

before(async () => {
  for (const b of [serverBin, ctlBin, toolBin]) assert.ok(existsSync(b), `binary missing: ${b} (make web-e2e builds it)`);
  assert.ok(existsSync(chromiumPath), `Chromium missing at ${chromiumPath} (apt-get install chromium)`);
  mkdirSync(shots, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'kembang-web-e2e-'));
  laptop = join(work, 'laptop');
  if (pgDSN) {
    schemaDSN = run(toolBin, ['pg-schema', pgDSN]);
    dbArgs = ['--db', schemaDSN];
  } else {
    console.log('KEMBANG_TEST_PG_DSN not set: the server runs on SQLite');
    dbArgs = ['--data-dir', join(work, 'server')];
  }
  const officeID = srv('office', 'add', 'BKPSDM Kabupaten Contoh', '--code', 'KBC').split('\t')[0];
  const office2 = srv('office', 'add', 'BKPSDM Kota Lain', '--code', 'KTL').split('\t')[0];
  srv('framework', 'publish', '--note', 'Kamus pusat 2026');
  run(serverBin, [...dbArgs, 'user', 'add', 'admin', '--role', 'admin'], ADMIN_PW + '\n');
  run(serverBin, [...dbArgs, 'user', 'add', 'viewer', '--role', 'viewer'], VIEWER_PW + '\n');
  const code = srv('enrol-code', '--office', officeID).split('\t')[0];
  const code2 = srv('enrol-code', '--office', office2).split('\t')[0];
  server = await startServer();
  base = server.url;

  // A field laptop: demo data, enrolment, its certificate key, one sync.
  ctl('demo', '--employees', '80');
  ctl('enrol', '--server', base, '--code', code, '--name', 'Laptop Bidang PKA', '--allow-http');
  const keyCode = ctl('office-key').split(' ')[0];
  assert.match(keyCode, /^[A-Z2-7]{8}$/);
  const sync = JSON.parse(ctl('sync', '--json'));
  assert.equal(sync.ok, true, JSON.stringify(sync));
  assert.ok(sync.report.applied >= 160, `applied ${sync.report.applied}`);
  // A second office's laptop, so the agency pages compare offices.
  const laptop2 = join(work, 'laptop2');
  run(ctlBin, ['--data-dir', laptop2, 'demo', '--employees', '120', '--seed', '7']);
  run(ctlBin, ['--data-dir', laptop2, 'enrol', '--server', base, '--code', code2, '--name', 'Laptop Sekretariat', '--allow-http']);
  assert.equal(JSON.parse(run(ctlBin, ['--data-dir', laptop2, 'sync', '--json'])).ok, true);
  certCode = run(toolBin, ['sign', '--data-dir', laptop, '--number', '001/PKA/KBC/2026', '--nip', '198001012005011001',
    '--name', 'Siti Rahayu, S.Kom.', '--event', 'Pelatihan Analisis Kebutuhan Diklat', '--start', '2026-05-04', '--end', '2026-05-06',
    '--jp', '24', '--office', 'BKPSDM Kabupaten Contoh', '--issued', '2026-05-06']);

  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  await stopServer(server);
  if (schemaDSN) run(toolBin, ['pg-drop', schemaDSN]);
  if (work) rmSync(work, { recursive: true, force: true });
});

test('nothing is shown without a session', async () => {
  const page = await newPage();
  for (const path of ['/', '/heatmap', '/tna', '/jp', '/audit', '/keys']) {
    const resp = await page.goto(`${base}${path}`);
    assert.equal(new URL(page.url()).pathname, '/login', `${path} did not go to the login page`);
    assert.equal(resp.status(), 200);
    assert.equal(await page.locator('table').count(), 0, `${path} shows a table without a session`);
    assert.doesNotMatch(await page.content(), /BKPSDM Kabupaten Contoh/);
  }
  await shot(page, 'login');
  // A wrong password is refused with a clear message.
  await login(page, 'admin', 'salah-sekali-123');
  assert.match(await page.locator('.error').innerText(), /Nama pengguna atau kata sandi salah/);
  await page.context().close();
});

test('admin sees the office the laptop synced, its device and the dashboards', async () => {
  const page = await newPage();
  await login(page, 'admin', ADMIN_PW);
  assert.equal(new URL(page.url()).pathname, '/');
  const row = page.locator('#offices tbody tr', { hasText: 'BKPSDM Kabupaten Contoh' });
  await row.waitFor();
  const cells = await row.locator('td').allInnerTexts();
  const cells2 = await page.locator('#offices tbody tr', { hasText: 'BKPSDM Kota Lain' }).locator('td').allInnerTexts();
  assert.equal(cells2[2], '120', `second office: ${cells2}`);
  assert.equal(cells[2], '80', `employees: ${cells}`);
  assert.ok(Number(cells[3]) > 0, `assessed: ${cells}`);
  assert.match(cells[8], /^1/, `devices: ${cells}`);
  assert.doesNotMatch(cells[9], /belum pernah/);
  await shot(page, 'offices');

  await row.locator('a').first().click();
  await page.locator('#devices').waitFor();
  assert.match(await page.locator('#devices').innerText(), /Laptop Bidang PKA/);
  assert.match(await page.locator('#devices').innerText(), /Aktif/);
  assert.ok(await page.locator('#units tbody tr').count() > 1);
  await shot(page, 'office');

  await page.goto(`${base}/heatmap`);
  const heat = page.locator('#heatmap');
  await heat.waitFor();
  assert.match(await heat.innerText(), /BKPSDM Kabupaten Contoh/);
  assert.ok(await heat.locator('td[class^=g]').count() > 5, 'heatmap has coloured cells');
  await shot(page, 'heatmap');

  await page.goto(`${base}/tna`);
  await page.locator('#tna-codes').waitFor();
  assert.ok(await page.locator('#tna-codes tbody tr').count() > 1);
  await shot(page, 'tna');

  await page.goto(`${base}/jp`);
  await page.locator('#jp').waitFor();
  assert.match(await page.locator('#jp').innerText(), /BKPSDM Kabupaten Contoh\s+80/);
  await shot(page, 'jp');

  // Exports answer files.
  const pdf = await page.request.get(`${base}/heatmap?format=pdf`);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  const xlsx = await page.request.get(`${base}/tna?format=xlsx`);
  assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK');

  await page.goto(`${base}/framework`);
  assert.match(await page.locator('#versions').innerText(), /Kamus pusat 2026/);
  await shot(page, 'framework');

  // The laptop registered its certificate key when it synced.
  await page.goto(`${base}/keys`);
  const keyCode = ctl('office-key').split(' ')[0];
  assert.match(await page.locator('#keys').innerText(), new RegExp(keyCode));
  await page.context().close();
});

test('a certificate verifies publicly, without personal data, until an admin revokes it', async () => {
  const pub = await newPage();
  await pub.goto(`${base}/verifikasi?c=${certCode}`);
  const verdict = pub.locator('#verdict');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-status'), 'valid');
  assert.match(await verdict.innerText(), /SAH/);
  assert.equal(await pub.locator('#v-name').innerText(), 'Siti Rahayu, S.Kom.');
  assert.doesNotMatch(await pub.content(), /198001012005011001|19800101 200501 1 001/);
  await shot(pub, 'verify');

  // One changed character makes it invalid.
  const tampered = certCode.slice(0, 40) + (certCode[40] === 'A' ? 'B' : 'A') + certCode.slice(41);
  await pub.goto(`${base}/verify?c=${tampered}`);
  assert.match(await pub.locator('#verdict').getAttribute('data-status'), /invalid|unknown/);

  const admin = await newPage();
  await login(admin, 'admin', ADMIN_PW);
  await admin.goto(`${base}/certificates`);
  await admin.fill('input[name=number]', '001/PKA/KBC/2026');
  await admin.fill('input[name=reason]', 'Nama peserta salah ketik');
  await Promise.all([admin.waitForNavigation(), admin.click('form.filters button')]);
  assert.match(await admin.locator('#revocations').innerText(), /001\/PKA\/KBC\/2026/);

  await pub.goto(`${base}/verify?c=${certCode}`);
  assert.equal(await pub.locator('#verdict').getAttribute('data-status'), 'revoked');
  assert.match(await pub.locator('#verdict').innerText(), /DICABUT/);
  await shot(pub, 'verify-revoked');

  const json = await pub.request.get(`${base}/v1/certificates/verify?c=${certCode}`);
  const body = await json.json();
  assert.equal(body.status, 'revoked');
  assert.equal(body.nip, undefined);

  await admin.goto(`${base}/audit`);
  assert.match(await admin.locator('#audit').innerText(), /certificate\.revoke/);
  await shot(admin, 'audit');
  await pub.context().close();
  await admin.context().close();
});

test('a viewer sees dashboards but no admin page; logging out ends the session', async () => {
  const page = await newPage();
  await login(page, 'viewer', VIEWER_PW);
  assert.equal(await page.locator('a[href="/audit"]').count(), 0);
  const resp = await page.goto(`${base}/audit`);
  assert.equal(resp.status(), 403);
  await page.goto(`${base}/heatmap`);
  await page.locator('#heatmap').waitFor();
  await page.goto(`${base}/lang/en?next=/heatmap`);
  assert.match(await page.locator('h1').innerText(), /Competency gap heatmap/);
  await page.click('button.link');
  await page.waitForURL(/\/login$/);
  await page.goto(`${base}/heatmap`);
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await page.locator('#heatmap').count(), 0);
  await page.context().close();
});
