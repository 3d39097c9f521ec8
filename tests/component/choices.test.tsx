// The rest of what a volunteer chooses: a full help request (referral partner, time spent, "did
// it themselves", device, demographics, note) lands in the record as chosen; the language is
// picked in Settings (the browser's language until then) and the whole UI follows; and the
// asset tag can be scanned where the browser has BarcodeDetector (a recording fake here, as
// jsdom has no camera) and is otherwise only typed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { del, get, set } from 'idb-keyval';
import type { DigitafelDb } from '../../src/local';
import { en } from '../../src/shared/i18n/en';
import { nl } from '../../src/shared/i18n/nl';
import { initialLanguage, startLanguage } from '../../src/app/settings/language';
import { freshPhone, renderApp } from './helpers';

const PARTNER = { id: '0190a3c4-0000-7000-8000-00000000d001', name: 'Digipunt Ligo' };
const ITEM_ID = '0190a3c4-0000-7000-8000-00000000d002';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function seed(db: DigitafelDb): Promise<void> {
  await db.partners.put({ ...PARTNER, active: true, syncState: 'synced', version: 1 });
  await db.equipment.put({
    id: ITEM_ID,
    assetTag: 'LAP-SCAN',
    kind: 'laptop',
    status: 'ready',
    syncState: 'synced',
    version: 1,
  });
}

const group = (name: string) => screen.getByRole('group', { name });

describe('a full help request', () => {
  it('saves every optional choice as chosen', async () => {
    const db = await freshPhone('en');
    await seed(db);
    renderApp('#/help/new');
    fireEvent.click(await screen.findByRole('button', { name: en['help.moreTopics'] }));
    fireEvent.click(await screen.findByRole('button', { name: en['topic.tax_on_web'] }));
    fireEvent.click(within(group(en['help.outcome'])).getByRole('button', { name: en['outcome.referred'] }));
    const partners = await screen.findByRole('group', { name: en['help.partners'] });
    fireEvent.click(within(partners).getByRole('button', { name: PARTNER.name }));
    fireEvent.click(within(group(en['help.duration'])).getByRole('button', { name: en['duration.30_60'] }));
    fireEvent.click(
      within(group(en['help.didItThemselves'])).getByRole('button', { name: en['didIt.together'] }),
    );
    fireEvent.click(screen.getByRole('button', { name: en['deviceUsed.own_phone'] }));
    fireEvent.click(screen.getByText(en['help.optional']));
    fireEvent.click(within(group(en['help.ageBand'])).getByRole('button', { name: en['ageBand.66_75'] }));
    fireEvent.click(within(group(en['help.gender'])).getByRole('button', { name: en['gender.not_asked'] }));
    fireEvent.input(screen.getByLabelText(en['help.visitorCode'], { exact: false }), {
      target: { value: 'V-12' },
    });
    fireEvent.input(screen.getByLabelText(en['help.note'], { exact: false }), {
      target: { value: 'needs a follow-up on the tax return' },
    });
    fireEvent.click(screen.getByRole('button', { name: en['common.save'] }));
    await waitFor(async () => expect(await db.help_requests.count()).toBe(1));
    const [saved] = await db.help_requests.toArray();
    expect(saved).toMatchObject({
      topics: ['tax_on_web'],
      outcome: 'referred',
      referralPartnerIds: [PARTNER.id],
      durationBand: '30_60',
      didItThemselves: 'together',
      deviceUsed: 'own_phone',
      ageBand: '66_75',
      gender: 'not_asked',
      visitorCode: 'V-12',
      note: 'needs a follow-up on the tax return',
      syncState: 'pending',
    });
  });
});

describe('did the person do it themselves', () => {
  it('is one tap among yes / together / I did it / not asked, and can be left unanswered', async () => {
    const db = await freshPhone('en');
    renderApp('#/help/new');
    const didIt = await screen.findByRole('group', { name: en['help.didItThemselves'] });
    const names = within(didIt)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(names).toEqual([en['didIt.yes'], en['didIt.together'], en['didIt.helper'], en['didIt.not_asked']]);
    // Right after the outcome, before everything else the form asks.
    const groups = screen.getAllByRole('group').map((g) => g.getAttribute('id'));
    expect(groups.slice(0, 3)).toEqual(['help-topics', 'help-outcome', 'help-did-it']);
    fireEvent.click(screen.getByRole('button', { name: en['topic.email'] }));
    fireEvent.click(screen.getByRole('button', { name: en['outcome.solved'] }));
    fireEvent.click(within(didIt).getByRole('button', { name: en['didIt.helper'] }));
    fireEvent.click(within(didIt).getByRole('button', { name: en['didIt.helper'] })); // changed my mind
    fireEvent.click(screen.getByRole('button', { name: en['common.save'] }));
    await waitFor(async () => expect(await db.help_requests.count()).toBe(1));
    expect((await db.help_requests.toArray())[0]!.didItThemselves).toBeNull();
  });

  it('opens a record saved before the choice (a boolean) with the choice it meant', async () => {
    const db = await freshPhone('en');
    const id = '0190a3c4-0000-7000-8000-00000000d003';
    // As an older version of the app stored it.
    await db.help_requests.put({
      id,
      occurredAt: new Date().toISOString(),
      channel: 'street_stand',
      topics: ['email'],
      outcome: 'solved',
      didItThemselves: true as never,
      syncState: 'synced',
      version: 1,
    });
    renderApp(`#/help/${id}`);
    const didIt = await screen.findByRole('group', { name: en['help.didItThemselves'] });
    const yes = within(didIt).getByRole('button', { name: en['didIt.yes'] });
    await waitFor(() => expect(yes.getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(screen.getByRole('button', { name: en['common.save'] }));
    await waitFor(async () => expect((await db.help_requests.get(id))?.syncState).toBe('pending'));
    expect((await db.help_requests.get(id))?.didItThemselves).toBe('yes');
  });
});

describe('language', () => {
  it('follows the browser until one is picked in Settings, then the whole UI speaks it', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-BE', 'nl-BE']);
    expect(await initialLanguage()).toBe('fr');
    await freshPhone('en');
    renderApp('#/settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Nederlands' }));
    expect(await screen.findByRole('heading', { name: nl['settings.title'] })).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');
    expect(screen.getByRole('button', { name: 'Nederlands' }).getAttribute('aria-pressed')).toBe('true');
    expect(await get('digitafel.lang')).toBe('nl');
    expect(await initialLanguage()).toBe('nl'); // the choice now wins over the browser
    expect(startLanguage()).toBe('nl'); // and the next start begins in it without IndexedDB
    window.location.hash = '#/';
    expect(await screen.findByRole('button', { name: nl['home.newHelp'] })).toBeTruthy();
  });
});

describe('language at start', () => {
  it('starts in the browser language, and a choice stored before the localStorage mirror is found and mirrored', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-BE']);
    localStorage.clear();
    await del('digitafel.lang');
    expect(startLanguage()).toBe('fr');
    expect(await initialLanguage()).toBe('fr');
    await set('digitafel.lang', 'nl'); // chosen in Settings by an earlier version
    expect(startLanguage()).toBe('fr'); // not known yet without reading IndexedDB
    expect(await initialLanguage()).toBe('nl');
    expect(startLanguage()).toBe('nl'); // mirrored: the next start needs no IndexedDB read
    expect(localStorage.getItem('digitafel.lang')).toBe('nl');
    localStorage.clear();
    await del('digitafel.lang');
  });
});

describe('asset tag scan', () => {
  it('is offered only with BarcodeDetector, and a scanned tag opens the item', async () => {
    const db = await freshPhone('en');
    await seed(db);
    renderApp('#/loans');
    await screen.findByRole('button', { name: en['loans.find'] });
    expect(screen.queryByRole('button', { name: en['loans.scan'] })).toBeNull();
    window.location.hash = '#/';
    await screen.findByRole('button', { name: en['home.newHelp'] });

    const stopped = vi.fn();
    vi.stubGlobal(
      'BarcodeDetector',
      class {
        async detect() {
          return [{ rawValue: 'lap-scan' }];
        }
      },
    );
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: { getUserMedia: async () => ({ getTracks: () => [{ stop: stopped }] }) },
    });
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    window.location.hash = '#/loans';
    fireEvent.click(await screen.findByRole('button', { name: en['loans.scan'] }));
    expect(await screen.findByRole('heading', { name: `${en['loans.itemTitle']} LAP-SCAN` })).toBeTruthy();
    expect(screen.getByRole('button', { name: en['loans.lend'] })).toBeTruthy();
    expect(stopped).toHaveBeenCalled(); // the camera is released
  });
});
