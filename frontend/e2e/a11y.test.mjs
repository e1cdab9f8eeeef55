// Accessibility basics on the real app (real Go services over the bridge, in
// Chromium): every control on every main screen and in every dialog has an
// accessible name as Chromium computes it; the app can be used with the
// keyboard alone, focus stays inside open dialogs; the focused element always
// shows a visible focus indicator.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENS, openApp, openScreen, topDialog, noDialog, unnamedControls } from './harness.mjs';

let app;
let page;

before(async () => {
  app = await openApp(60);
  page = app.page;
});

after(async () => {
  await app?.close();
});

/** Collects unnamed controls per place, so one run lists every problem. */
const problems = [];
async function check(where) {
  for (const b of await unnamedControls(page)) problems.push(`${where} — ${b.role}: ${b.html}`);
}

async function closeTop() {
  const n = await page.locator('[role="dialog"]').count();
  await page.keyboard.press('Escape');
  await page.waitForFunction((k) => document.querySelectorAll('[role="dialog"]').length < k, n);
}

/** Opens a dialog with the opener, checks it (and each of its tabs), closes it with Esc. */
async function dialog(where, opener, { tabs = [], then } = {}) {
  await opener.click();
  const dlg = topDialog(page);
  await dlg.waitFor();
  await page.waitForTimeout(300);
  await check(where);
  for (const tab of tabs) {
    const t = dlg.getByTestId(tab);
    if ((await t.count()) && (await t.isEnabled())) {
      await t.click();
      await page.waitForTimeout(200);
      await check(`${where} › ${tab}`);
    }
  }
  if (then) await then(dlg);
  await closeTop();
}

test('every control on every main screen and in every dialog has an accessible name', async () => {
  for (const view of SCREENS) {
    await openScreen(page, view);
    await check(`screen ${view}`);
  }

  // The top bar's dialogs.
  await dialog('document settings', page.getByTestId('open-document-settings'));
  await dialog('sync', page.getByTestId('sync-pill'));

  await openScreen(page, 'employees');
  await dialog('new employee', page.getByTestId('employee-add'));
  await page.getByTestId('employee-row').first().waitFor();
  await dialog('employee', page.getByTestId('employee-row').first(), {
    tabs: ['employee-tab-history'],
    then: async (dlg) => {
      await dlg.getByTestId('employee-tab-data').click();
      await dialog('print history', dlg.getByTestId('employee-print-history'));
    },
  });

  await openScreen(page, 'assessment');
  const unit = page.getByTestId('grid-unit');
  await unit.selectOption(await unit.locator('option').nth(1).getAttribute('value'));
  await page.getByTestId('grid-cell').first().waitFor();
  await check('screen assessment with a unit');
  await dialog('assessment form', page.getByTestId('grid-open-form').first());

  await openScreen(page, 'analysis');
  await page.getByTestId('analysis-tab-recap').click();
  await page.locator('[data-testid="recap-gap-chart"] canvas').waitFor();
  await check('analysis recap');
  await dialog('print JPM recap', page.getByTestId('recap-print'));
  await page.getByTestId('recap-person').first().click();
  await page.locator('[data-testid="radar-chart"] canvas').waitFor();
  await check('analysis employee');
  await dialog('analysis settings', page.getByTestId('analysis-settings-open'));

  await openScreen(page, 'plans');
  await dialog('draft plan', page.getByTestId('plan-draft'));
  const planRow = page.locator('[data-testid="plan-table"] tbody tr');
  if (await planRow.count()) {
    await dialog('plan editor', planRow.first(), { tabs: ['plan-tab-history'] });
  }

  await openScreen(page, 'training');
  await dialog('new event', page.getByTestId('event-new'));
  await page.getByTestId('events-all').click();
  const eventRow = page.getByTestId('event-row');
  await page.waitForTimeout(300);
  if (await eventRow.count()) {
    await dialog('event', eventRow.first(), {
      tabs: ['event-tab-participants', 'event-tab-attendance', 'event-tab-evaluation', 'event-tab-certificates'],
    });
  }
  await page.getByTestId('training-tab-activities').click();
  await page.waitForTimeout(300);
  await check('training activities');

  await openScreen(page, 'jp');
  await page.locator('[data-testid="jp-chart"] canvas').waitFor();
  await dialog('development settings', page.getByTestId('jp-settings'));
  await dialog('award', page.getByTestId('award-new'));
  await dialog('print JP recap', page.getByTestId('jp-print'));

  await openScreen(page, 'framework');
  await dialog('new technical competency', page.getByTestId('fw-new-technical'));
  await dialog('publish framework', page.getByTestId('fw-publish'));
  await dialog('framework versions', page.getByTestId('fw-versions'));

  await openScreen(page, 'org');
  await dialog('new unit', page.getByTestId('unit-add'));
  await dialog('new position', page.getByTestId('position-add'));
  await dialog('confirm deleting a unit', page.getByTestId('unit-delete').first());

  // The import report, rows with problems included.
  const file = join(app.dataDir, 'pegawai.csv');
  writeFileSync(file, ['NIP;Nama;Golongan;Jabatan;Unit Kerja', '199001012015031001;Budi Santoso;III/c;Analis Data;Unit Uji', '1990;Siti;III/b;Analis Data;Unit Uji'].join('\r\n'));
  await openScreen(page, 'transfer');
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor();
  await check('import preview');

  assert.ok(problems.length === 0, `${problems.length} control(s) without an accessible name:\n${problems.join('\n')}`);
});

/** What has the focus: its test id, or its tag and text. */
function focused() {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { id: null, desc: 'body', inDialog: false };
    const dialogs = document.querySelectorAll('[role="dialog"]');
    const top = dialogs[dialogs.length - 1];
    return {
      id: el.getAttribute('data-testid'),
      desc: `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`,
      inDialog: !!top && top.contains(el),
    };
  });
}

/** Presses key until the element with test id `id` has the focus (at most max presses). */
async function pressUntil(key, id, max = 60) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused();
    if (f.id === id) return seen;
    seen.push(f.desc);
  }
  assert.fail(`${key} ×${max} never reached [${id}]; focus went through:\n  ${seen.join('\n  ')}`);
}

test('keyboard only: navigation, a screen, a dialog with a field filled, Esc back to where one was', async () => {
  await page.reload();
  await page.getByTestId('count-employees').waitFor();
  await page.locator('body').focus();

  // Tab into the main navigation; Shift+Tab moves back through it.
  await pressUntil('Tab', 'nav-assessment');
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused()).id, 'nav-employees');
  await page.keyboard.press('Enter');
  await page.getByTestId('view-employees').waitFor();
  await page.getByTestId('employee-row').first().waitFor();
  assert.equal(await page.getByTestId('nav-employees').getAttribute('aria-current'), 'page');

  // On to the "add" button of the screen; Enter opens the dialog with the focus inside it.
  await pressUntil('Tab', 'employee-add');
  await page.keyboard.press('Enter');
  const dlg = page.getByTestId('employee-dialog');
  await dlg.waitFor();
  assert.ok((await focused()).inDialog, 'the opened dialog has the focus');

  // Fill the name by typing, reached with Tab.
  await pressUntil('Tab', 'employee-name', 20);
  await page.keyboard.type('Rahmat Hidayat');
  assert.equal(await page.getByTestId('employee-name').inputValue(), 'Rahmat Hidayat');
  // Dates are typed day first in either language; a day that does not exist is marked at once.
  await pressUntil('Tab', 'employee-birthdate', 20);
  const birth = page.getByTestId('employee-birthdate');
  assert.equal(await birth.getAttribute('placeholder'), 'hh/bb/tttt');
  await page.keyboard.type('31/02/1990');
  assert.equal(await birth.getAttribute('aria-invalid'), 'true');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7/8/1990');
  assert.equal(await birth.getAttribute('aria-invalid'), 'false');
  await page.keyboard.press('Tab');
  assert.equal(await birth.inputValue(), '07/08/1990');

  // Focus never leaves the dialog, whichever way one tabs and however often.
  const controls = await dlg.locator('input, select, textarea, button').count();
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press(key);
      const f = await focused();
      assert.ok(f.inDialog, `after ${key} ×${i + 1} the focus left the dialog for ${f.desc}`);
    }
  }

  // Esc closes it (nothing saved) and the focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await dlg.waitFor({ state: 'detached' });
  assert.equal((await focused()).id, 'employee-add');
  await page.getByTestId('employee-search').fill('Rahmat Hidayat');
  await page.waitForFunction(() => document.querySelector('[data-testid="employee-total"]')?.getAttribute('data-total') === '0');
  await page.getByTestId('employee-search').fill('');

  // A dialog over a dialog: Esc closes the inner one only and the focus stays in the outer one.
  await page.getByTestId('employee-row').first().focus();
  await page.keyboard.press('Enter');
  await dlg.waitFor();
  await pressUntil('Tab', 'employee-print-history', 60);
  await page.keyboard.press('Enter');
  await page.getByTestId('print-dialog').waitFor();
  await page.waitForSelector('[data-testid="print-dialog"] .wrap[data-state="ready"]', { timeout: 60000 });
  await page.waitForTimeout(1500); // the PDF viewer draws the page
  const trail = [];
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const a = document.activeElement;
      return { inside: !!a?.closest('[data-testid="print-dialog"]'), html: a?.outerHTML.slice(0, 80) };
    });
    trail.push(f.html);
    assert.ok(f.inside, `Tab ×${i + 1} left the print dialog:\n${trail.join('\n')}`);
  }
  await page.keyboard.press('Escape');
  await page.getByTestId('print-dialog').waitFor({ state: 'detached' });
  assert.ok((await focused()).inDialog, 'after the inner dialog closed the focus is in the employee dialog');
  await page.keyboard.press('Escape');
  await noDialog(page);
});

test('keyboard only: drafting a plan, the focus moves from the draft dialog into the plan editor and stays there', async () => {
  await openScreen(page, 'employees');
  const nip = (await page.getByTestId('employee-row').nth(7).locator('td').first().innerText()).replace(/\s+/g, '');
  await page.getByTestId('nav-plans').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('plan-table').waitFor();
  await pressUntil('Tab', 'plan-draft');
  await page.keyboard.press('Enter');
  await page.getByTestId('plan-draft-dialog').waitFor();
  assert.equal((await focused()).id, 'plan-draft-employee', 'the search field of the draft dialog has the focus');
  await page.keyboard.type(nip);
  await page.getByTestId('plan-draft-employee-option').first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('plan-editor');
  await editor.getByTestId('plan-state').waitFor();
  await page.getByTestId('plan-draft-dialog').waitFor({ state: 'detached' });
  for (let i = 0; i < 40; i++) {
    const f = await focused();
    assert.ok(f.inDialog, `${i ? `after Tab ×${i}` : 'when it opened'} the focus is outside the plan editor: ${f.desc}`);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Escape');
  await noDialog(page);
});

/**
 * Tabs through `count` stops and checks that each focused element looks
 * different from itself unfocused: an outline, a box shadow, a border or a
 * background that appears only with the focus.
 */
async function tabAndCheckFocus(where, count, stayIn) {
  const bad = [];
  const style = () => page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    if (!el.dataset.fv) el.dataset.fv = String(Math.random()).slice(2);
    const s = getComputedStyle(el);
    return {
      fv: el.dataset.fv,
      desc: `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').filter((c) => !c.startsWith('svelte-')).join('.') : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
      outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      shadow: s.boxShadow,
      border: s.borderColor,
      bg: s.backgroundColor,
    };
  });
  const unfocused = (fv) => page.evaluate((id) => {
    const el = document.querySelector(`[data-fv="${id}"]`);
    if (!el) return null;
    const s = getComputedStyle(el);
    return {
      outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
      shadow: s.boxShadow, border: s.borderColor, bg: s.backgroundColor,
    };
  }, fv);
  let prev = null;
  let checked = 0;
  const seen = new Set();
  const judge = async (f) => {
    const u = await unfocused(f.fv);
    if (!u) return; // gone (the focus moved a dialog away)
    checked++;
    const visible = (f.outline !== 'none' && f.outline !== u.outline) || f.shadow !== u.shadow || f.border !== u.border;
    if (!visible) bad.push(`${where}: ${f.desc} (outline ${f.outline}, shadow ${f.shadow})`);
  };
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const f = await style();
    if (f && prev && f.fv === prev.fv) continue; // still inside the same control (the parts of a date field)
    if (prev && !seen.has(prev.fv)) {
      seen.add(prev.fv);
      await judge(prev);
    }
    prev = f;
    if (stayIn && f && !(await page.evaluate((sel) => !!document.activeElement?.closest(sel), stayIn))) break;
  }
  if (prev && !seen.has(prev.fv)) {
    await page.locator('body').focus(); // leave it, then look at it unfocused
    await page.evaluate(() => (document.activeElement instanceof HTMLElement) && document.activeElement.blur());
    await judge(prev);
  }
  assert.ok(checked >= 3, `${where}: only ${checked} element(s) took the focus`);
  total += checked;
  return bad;
}
let total = 0;

test('the focused element always shows a visible focus indicator', async (t) => {
  await page.reload();
  await page.getByTestId('count-employees').waitFor();
  const bad = [];
  for (const view of SCREENS) {
    await openScreen(page, view);
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement instanceof HTMLElement) && document.activeElement.blur());
    bad.push(...(await tabAndCheckFocus(`screen ${view}`, 45)));
  }
  // Inside dialogs: the employee form and the document settings.
  await openScreen(page, 'employees');
  await page.getByTestId('employee-add').click();
  await page.getByTestId('employee-dialog').waitFor();
  bad.push(...(await tabAndCheckFocus('employee dialog', 30)));
  await page.keyboard.press('Escape');
  await noDialog(page);
  await page.getByTestId('open-document-settings').click();
  await page.getByTestId('document-settings').waitFor();
  bad.push(...(await tabAndCheckFocus('document settings', 40)));
  await page.keyboard.press('Escape');
  await noDialog(page);
  t.diagnostic(`${total} focused elements checked`);
  assert.ok(bad.length === 0, `${bad.length} focused element(s) without a visible focus indicator:\n${[...new Set(bad)].join('\n')}`);
});

test('keyboard only: a whole row of the batch assessment grid typed in, autosaved, still there after reloading', async () => {
  await page.reload();
  await page.getByTestId('count-employees').waitFor();
  const pickUnit = async () => {
    await openScreen(page, 'assessment');
    const unit = page.getByTestId('grid-unit');
    const value = await unit.locator('option').nth(1).getAttribute('value');
    await unit.selectOption(value);
    await page.getByTestId('grid-cell').first().waitFor();
  };
  await pickUnit();
  // A row that is not final yet, with its editable cells in reading order.
  const row = page.locator('[data-testid="grid-row"]:not([data-state="finalized"]):not([data-state="submitted"])').first();
  const emp = await row.getAttribute('data-employee');
  const cells = row.locator('[data-testid="grid-cell"][aria-disabled="false"]');
  const codes = await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  assert.ok(codes.length >= 3, 'the row has several competencies to assess');
  const levels = codes.map((_, i) => [3, 2, 4, 1, 5][i % 5]);

  // Focus the first cell, then only type: each level moves on to the next editable cell.
  await cells.first().click();
  for (const l of levels) await page.keyboard.press(String(l));
  const sel = (code) => `[data-testid="grid-cell"][data-employee="${emp}"][data-code="${code}"]`;
  for (const code of codes) await page.waitForSelector(`${sel(code)}[data-save="saved"]`);
  assert.deepEqual(await Promise.all(codes.map((c) => page.locator(sel(c)).getAttribute('data-level'))), levels.map(String));
  assert.equal(await page.getByTestId('grid-save-state').getAttribute('data-errors'), '0');

  // What a person sees after reopening the app: the same levels.
  await page.reload();
  await page.getByTestId('count-employees').waitFor();
  await pickUnit();
  await page.locator(sel(codes[0])).waitFor();
  assert.deepEqual(await Promise.all(codes.map((c) => page.locator(sel(c)).getAttribute('data-level'))), levels.map(String));
  // And the assessment form (Ctrl+Enter on a cell) lists them per competency.
  await page.locator(sel(codes[0])).click();
  await page.keyboard.press('Control+Enter');
  const form = page.getByTestId('assessment-form');
  await form.getByTestId('form-competency').first().waitFor();
  for (const [i, code] of codes.entries()) {
    assert.equal(await form.locator(`[data-testid="form-competency"][data-code="${code}"]`).getAttribute('data-level'), String(levels[i]));
  }
  await page.keyboard.press('Escape');
  await noDialog(page);
});

test('date fields: the calendar button fills the day-first text field', async () => {
  await openScreen(page, 'training');
  await page.getByTestId('event-new').click();
  const start = page.getByTestId('event-start');
  await start.waitFor();
  const pick = start.locator('xpath=following-sibling::button[1]');
  await pick.click(); // opens the browser's calendar (nothing to see headless)
  // What choosing a day in that calendar does: the hidden date input changes.
  await start.locator('xpath=following-sibling::input[@type="date"]').evaluate((el) => {
    el.value = '2026-08-17';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  assert.equal(await start.inputValue(), '17/08/2026');
  assert.equal(await start.getAttribute('aria-invalid'), 'false');
  // The calendar pop-up is still open (no day was clicked in it): the mouse closes it and the
  // dialog, which asks whether to drop the unsaved event — yes.
  let asked = 0;
  page.once('dialog', (d) => { asked++; void d.accept(); });
  await page.getByTestId('event-editor').getByTestId('dialog-close').click();
  await noDialog(page);
  assert.equal(asked, 1);
});
