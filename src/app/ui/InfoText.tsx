// The information text for visitors or borrowers (src/shared/info-texts.ts), shown on the phone
// to the person it is for: in their language (nl/fr/en buttons, starting with the phone's),
// naming the organisation and whom to ask as the phone last heard them from GET /me.
import { useState } from 'preact/hooks';
import { infoText, type InfoKind, type InfoParties } from '../../shared/info-texts';
import { getLanguage, LANGS, t, type Lang } from '../../shared/i18n';
import { useOrg } from '../org';
import { useSession } from '../session';

const NATIVE_NAMES: Record<Lang, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

interface TextProps {
  kind: InfoKind;
  lang: Lang;
  parties: InfoParties;
  /** The heading level of the title (the sections take the next one). */
  level?: 2 | 3;
}

/** The text itself, in one language (also used by the workspace's printable A5 sheet). */
export function InfoTextBody({ kind, lang, parties, level = 2 }: TextProps) {
  const text = infoText(kind, lang, parties);
  const Title = level === 2 ? 'h2' : 'h3';
  const Heading = level === 2 ? 'h3' : 'h4';
  return (
    <article class="info-text" lang={lang}>
      <Title>{text.title}</Title>
      <p class="info-intro">{text.intro}</p>
      {text.sections.map((s) => (
        <section key={s.heading}>
          <Heading>{s.heading}</Heading>
          {s.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}

interface Props {
  kind: InfoKind;
  id: string;
}

/** The text with a choice of language, for the phone. */
export function InfoText({ kind, id }: Props) {
  const session = useSession();
  const org = useOrg(session?.user.orgId);
  const [lang, setLang] = useState<Lang>(getLanguage());
  return (
    <div class="info-panel" id={id}>
      <div class="chip-row" role="group" aria-label={t('info.languageOf')}>
        {LANGS.map((l) => (
          <button
            key={l}
            type="button"
            class="chip"
            lang={l}
            aria-pressed={l === lang}
            onClick={() => setLang(l)}
          >
            {NATIVE_NAMES[l]}
          </button>
        ))}
      </div>
      <InfoTextBody
        kind={kind}
        lang={lang}
        level={3}
        parties={{ org: org?.name ?? '', contact: org?.privacyContact ?? null }}
      />
    </div>
  );
}
