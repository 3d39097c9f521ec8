// Settings: the UI language, storage used and whether it is persistent, the escape hatch
// (export unsynced records to a file, import one), installing on iOS, the information texts for
// visitors and borrowers (to show someone who asks), changing one's password, and sign-out.
import { useEffect, useState } from 'preact/hooks';
import { formatBytes, LANGS, t, type Lang } from '../../shared/i18n';
import { ficheStorage, requestPersistence, storageEstimate, type StorageInfo } from '../../local';
import { useFiches } from '../fiches/useFiches';
import { useLive } from '../ui/useLive';
import type { InfoKind } from '../../shared/info-texts';
import { InfoText } from '../ui/InfoText';
import { useLang } from '../ui/useLang';
import { ChangePassword } from './ChangePassword';
import { chooseLanguage } from './language';
import { SignOut } from './SignOut';
import { Transfer } from './Transfer';

const NATIVE_NAMES: Record<Lang, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

/** Whether this is iOS Safari outside an installed app (it may evict data of plain tabs). */
function iosNotInstalled(): boolean {
  const nav = navigator as Navigator & { standalone?: boolean };
  const ios =
    /iPhone|iPad|iPod/.test(nav.userAgent) || (nav.platform === 'MacIntel' && nav.maxTouchPoints > 1);
  return ios && !nav.standalone;
}

function Storage() {
  const lang = useLang();
  const [info, setInfo] = useState<StorageInfo | null>();
  const load = () => void storageEstimate().then((i) => setInfo(i ?? null));
  useEffect(load, []);
  if (info === undefined) return <p class="loading">{t('common.loading')}</p>;
  if (info === null) return <p>{t('settings.storageUnknown')}</p>;
  return (
    <>
      <p>
        {t('settings.storageUsed', {
          used: formatBytes(lang, info.usage ?? 0),
          quota: formatBytes(lang, info.quota ?? 0),
        })}
      </p>
      <p>{info.persisted ? t('settings.persistent') : t('settings.notPersistent')}</p>
      {!info.persisted && (
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => void requestPersistence({ again: true }).then(load)}
        >
          {t('settings.askPersist')}
        </button>
      )}
    </>
  );
}

/** What the fiches kept for offline use take, against the budget set aside for their images. */
function FicheStorage() {
  const lang = useLang();
  const fiches = useFiches();
  const kept = useLive(ficheStorage);
  if (!fiches || !kept) return null;
  return (
    <>
      <h3>{t('settings.fiches')}</h3>
      <p>{t('settings.fichesCount', { n: fiches.filter((f) => f.active).length })}</p>
      <p>
        {t('settings.fichesImages', {
          used: formatBytes(lang, kept.imageBytes),
          budget: formatBytes(lang, kept.budget),
        })}
      </p>
      {kept.skipped > 0 && (
        <p class="notice notice-warn" role="note">
          {t('settings.fichesOver', { n: kept.skipped })}
        </p>
      )}
    </>
  );
}

/** The information texts, one at a time, to show a visitor or borrower who asks. */
function InfoTexts() {
  const [kind, setKind] = useState<InfoKind>();
  return (
    <section aria-labelledby="info-h">
      <h2 id="info-h">{t('settings.infoTexts')}</h2>
      <div class="chip-row">
        {(['visitor', 'borrower'] as const).map((k) => (
          <button
            key={k}
            type="button"
            class="chip"
            aria-pressed={kind === k}
            aria-controls={kind ? 'settings-info' : undefined}
            onClick={() => setKind(kind === k ? undefined : k)}
          >
            {k === 'visitor' ? t('settings.infoVisitor') : t('settings.infoBorrower')}
          </button>
        ))}
      </div>
      {kind && <InfoText key={kind} kind={kind} id="settings-info" />}
    </section>
  );
}

/** The settings screen. */
export function SettingsPage() {
  const lang = useLang();
  return (
    <main class="screen">
      <header class="screen-head">
        <a class="back" href="#/">
          {t('nav.back')}
        </a>
        <h1>{t('settings.title')}</h1>
      </header>
      <fieldset class="chips">
        <legend>{t('settings.language')}</legend>
        <div class="chip-row">
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              class="chip"
              lang={l}
              aria-pressed={l === lang}
              onClick={() => void chooseLanguage(l)}
            >
              {NATIVE_NAMES[l]}
            </button>
          ))}
        </div>
      </fieldset>
      {iosNotInstalled() && (
        <p class="notice notice-warn" role="note">
          {t('settings.iosInstall')}
        </p>
      )}
      <section aria-labelledby="storage-h">
        <h2 id="storage-h">{t('settings.storage')}</h2>
        <Storage />
        <FicheStorage />
      </section>
      <InfoTexts />
      <Transfer />
      <ChangePassword />
      <SignOut />
    </main>
  );
}
