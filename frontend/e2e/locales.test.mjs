// Every main screen (and the main dialogs) in Indonesian and in English, on
// the real app: the language is switched the way a person does it (the ID/EN
// buttons in the top bar); each screen is photographed at 1366×768 as
// <screen>-id.png / <screen>-en.png, and no text of the interface may still
// be in the other language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SCREENS, catalogs, noDialog, openApp, openScreen, shotPath } from './harness.mjs';

let app;
let page;
let foreign; // locale → matchers for the other locale's interface texts

before(async () => {
  app = await openApp(80);
  page = app.page;
  const { id, en } = await catalogs();
  foreign = { id: matchers(en, id), en: matchers(id, en) };
});

after(async () => {
  await app?.close();
});

const norm = (s) => s.replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}).…?]+$/gu, '').trim();

/**
 * The texts of catalog `other` that a screen in the language of `own` must not
 * show: values that differ between the two catalogs and are not also a text
 * of `own` (such as "JP" or "NIP"). Values with {placeholders} become patterns
 * when they have enough words of their own to be recognised.
 */
function matchers(other, own) {
  const ownValues = new Set(Object.values(own).map(norm));
  const exact = new Map();
  const patterns = [];
  for (const [key, value] of Object.entries(other)) {
    if (value === own[key]) continue;
    const v = norm(value);
    if (v.length < 4 || ownValues.has(v)) continue;
    if (/\{[A-Za-z0-9_]+\}/.test(v)) {
      const literal = v.replace(/\{[A-Za-z0-9_]+\}/g, '').replace(/[^\p{L}]/gu, '');
      if (literal.length < 10) continue;
      const re = v.split(/\{[A-Za-z0-9_]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?');
      patterns.push({ key, re: new RegExp(`^${re}$`, 'u') });
    } else {
      exact.set(v, key);
    }
  }
  return { exact, patterns };
}

/** Interface texts of the page (or of the topmost dialog): text of each element, placeholders, titles, labels. */
function pageTexts() {
  return page.evaluate(() => {
    const dialogs = document.querySelectorAll('[role="dialog"]');
    const root = dialogs.length ? dialogs[dialogs.length - 1] : document.getElementById('app');
    const out = [];
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    for (const el of root.querySelectorAll('*')) {
      if (el.closest('[data-testid="toasts"], canvas, script, style')) continue;
      if (!visible(el) && el.tagName !== 'OPTION') continue;
      let own = '';
      for (const n of el.childNodes) if (n.nodeType === 3) own += n.textContent;
      if (own.trim()) out.push(own);
      for (const a of ['placeholder', 'title', 'aria-label']) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** Interface texts in the other language on screen now: ["text" (key)]. */
async function untranslated(locale) {
  const { exact, patterns } = foreign[locale];
  const found = new Set();
  for (const raw of await pageTexts()) {
    const s = raw.replace(/\s+/g, ' ').trim();
    for (const part of [s, ...s.split(/ · |: |\n/)]) {
      const v = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}).…?]+$/gu, '').trim();
      if (!v) continue;
      if (exact.has(v)) found.add(`"${v}" (${exact.get(v)})`);
      else for (const p of patterns) if (p.re.test(v)) found.add(`"${v}" (${p.key})`);
    }
  }
  return [...found];
}

async function prepare(view) {
  await openScreen(page, view);
  switch (view) {
    case 'dashboard':
      await page.waitForFunction(() => document.querySelector('[data-testid="count-employees"] .num')?.textContent?.trim() === '80');
      break;
    case 'employees':
      await page.getByTestId('employee-row').first().waitFor();
      break;
    case 'assessment': {
      const unit = page.getByTestId('grid-unit');
      if ((await unit.inputValue()) === '') await unit.selectOption(await unit.locator('option').nth(1).getAttribute('value'));
      await page.getByTestId('grid-cell').first().waitFor();
      break;
    }
    case 'analysis':
      await page.getByTestId('analysis-tab-recap').click();
      await page.locator('[data-testid="recap-gap-chart"] canvas').waitFor();
      await page.waitForTimeout(900); // chart animation
      break;
    case 'plans':
      await page.getByTestId('plan-table').waitFor();
      break;
    case 'training':
      await page.getByTestId('events-all').click();
      break;
    case 'jp':
      await page.locator('[data-testid="jp-chart"] canvas').waitFor();
      await page.waitForTimeout(900);
      break;
    case 'framework':
      await page.locator('[data-testid="fw-item"][data-code="M.1"]').click();
      await page.getByTestId('fw-detail').waitFor();
      break;
    case 'org':
      await page.getByTestId('unit-tree').waitFor();
      break;
    default:
      break;
  }
  await page.waitForTimeout(200);
}

/** The main dialogs, opened from their screens. */
const DIALOGS = [
  { name: 'employee-dialog', open: async () => {
    await openScreen(page, 'employees');
    await page.getByTestId('employee-row').first().click();
  } },
  { name: 'assessment-form', open: async () => {
    await prepare('assessment');
    await page.getByTestId('grid-open-form').first().click();
    await page.getByTestId('form-competency').first().waitFor();
  } },
  { name: 'plan-editor', open: async () => {
    await prepare('plans');
    await page.locator('[data-testid="plan-table"] tbody tr').first().click();
    await page.getByTestId('plan-editor').getByTestId('plan-state').waitFor();
  } },
  { name: 'event-editor', open: async () => {
    await openScreen(page, 'training');
    await page.getByTestId('event-new').click();
  } },
  { name: 'document-settings', open: async () => {
    await page.getByTestId('open-document-settings').click();
    await page.getByTestId('docset-office-key-code').waitFor();
  } },
  { name: 'dev-settings', open: async () => {
    await prepare('jp');
    await page.getByTestId('jp-settings').click();
    await page.getByTestId('dev-settings-jp-target').waitFor();
  } },
];

async function tour(locale, t) {
  const problems = [];
  for (const view of SCREENS) {
    await prepare(view);
    await page.screenshot({ path: shotPath(`${view}-${locale}`), style: '[data-testid="toasts"] { display: none !important; }' });
    for (const u of await untranslated(locale)) problems.push(`screen ${view}: ${u}`);
  }
  for (const d of DIALOGS) {
    await d.open();
    await page.locator('[role="dialog"]').last().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: shotPath(`${d.name}-${locale}`), style: '[data-testid="toasts"] { display: none !important; }' });
    for (const u of await untranslated(locale)) problems.push(`dialog ${d.name}: ${u}`);
    await page.keyboard.press('Escape');
    await noDialog(page);
  }
  t.diagnostic(`${SCREENS.length} screens and ${DIALOGS.length} dialogs photographed in ${locale}`);
  assert.ok(problems.length === 0, `${problems.length} interface text(s) still in the other language:\n${problems.join('\n')}`);
}

test('every screen in Indonesian', async (t) => {
  assert.equal(await page.locator('html').getAttribute('lang'), 'id');
  assert.equal(await page.getByTestId('locale-id').getAttribute('aria-pressed'), 'true');
  await tour('id', t);
});

test('switched to English with the EN button, every screen in English', async (t) => {
  await page.getByTestId('locale-en').click();
  await page.waitForFunction(() => /Employees/.test(document.querySelector('[data-testid="nav-employees"]')?.textContent ?? ''));
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await tour('en', t);
  // The choice is kept: after a reload the app opens in English.
  await page.reload();
  await page.getByTestId('count-employees').waitFor();
  assert.match(await page.getByTestId('nav-employees').innerText(), /Employees/);
  await page.getByTestId('locale-id').click();
  await page.waitForFunction(() => /Pegawai/.test(document.querySelector('[data-testid="nav-employees"]')?.textContent ?? ''));
});
