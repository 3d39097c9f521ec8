// A fiche's editor: title and steps per language (a tab per language, a preview beside the
// text as the phone shows it), topics, images (uploaded, checked here and on the server) and
// whether phones show it. Editing a starter fiche saves the organisation's own copy, which takes
// its place (`starter`); hiding one saves a hidden copy.
import { useState } from 'preact/hooks';
import { imageIds } from '../../../shared/markdown';
import { ficheImageResponse, type FicheImageRef } from '../../../shared/fiches';
import { ficheText, type FicheLang, type ShownFiche } from '../../../shared/fiches/list';
import { FICHE_IMAGE_MAX_BYTES, FICHE_IMAGE_TYPES, type FicheInput } from '../../../shared/records';
import { topicOptions } from '../../help/choices';
import { Markdown } from '../../fiches/Markdown';
import { call, listAll } from '../api';
import { Field } from '../Field';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';
import { PageHeader } from '../ui/PageHeader';
import { useLoad } from '../useLoad';
import { fileBase64, useServerImageUrls, wsLang } from './data';

const LANGS: FicheLang[] = ['nl', 'fr', 'en'];
type Texts = Record<FicheLang, { title: string; body: string }>;

function initialTexts(fiche: ShownFiche | undefined): Texts {
  const out = {} as Texts;
  for (const l of LANGS) out[l] = { title: fiche?.texts[l]?.title ?? '', body: fiche?.texts[l]?.body ?? '' };
  return out;
}

interface Props {
  fiche: ShownFiche | undefined;
  onSaved: () => void;
}

export function FicheEditor({ fiche, onSaved }: Props) {
  const [lang, setLang] = useState<FicheLang>(() => (fiche ? ficheText(fiche, wsLang()).lang : wsLang()));
  const [texts, setTexts] = useState(() => initialTexts(fiche));
  const [topics, setTopics] = useState<string[]>(() => fiche?.topics ?? []);
  const [images, setImages] = useState<FicheImageRef[]>(() => fiche?.images ?? []);
  const [active, setActive] = useState(() => fiche?.active ?? true);
  const [id, setId] = useState(fiche?.id);
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const orgTopics = useLoad(() => listAll<{ key: string; labels?: Record<string, string> }>('topics'), []);
  const options = topicOptions(orgTopics.data ?? []).all;
  const text = texts[lang];
  const urls = useServerImageUrls(images.map((i) => i.id));
  const title = ficheText({ texts }, wsLang()).title || ct('fiches.new');

  const setText = (patch: Partial<Texts[FicheLang]>) => setTexts({ ...texts, [lang]: { ...text, ...patch } });

  async function addImage(file: File | undefined) {
    if (!file) return;
    if (!(FICHE_IMAGE_TYPES as readonly string[]).includes(file.type)) {
      setNotice({ ok: false, text: ct('fiches.imageType') });
      return;
    }
    if (file.size > FICHE_IMAGE_MAX_BYTES) {
      setNotice({ ok: false, text: ct('fiches.imageTooBig') });
      return;
    }
    setBusy(true);
    try {
      const res = ficheImageResponse.parse(
        await call('POST', '/fiche-images', { body: { type: file.type, data: await fileBase64(file) } }),
      );
      setImages([...images, res.image]);
      const line = `![${ct('fiches.imageAlt')}](image:${res.image.id})`;
      setText({ body: `${text.body.trimEnd()}\n\n${line}\n` });
      setNotice({ ok: true, text: ct('fiches.imageAdded') });
    } catch (err) {
      setNotice({ ok: false, text: errorNotice(err) });
    } finally {
      setBusy(false);
    }
  }

  async function save(e: Event) {
    e.preventDefault();
    const kept: FicheInput['texts'] = {};
    for (const l of LANGS) {
      const tx = texts[l];
      if (tx.title.trim()) kept[l] = { title: tx.title.trim(), body: tx.body };
    }
    if (Object.keys(kept).length === 0) {
      setNotice({ ok: false, text: ct('fiches.needTitle') });
      return;
    }
    const used = new Set(Object.values(kept).flatMap((tx) => imageIds(tx?.body ?? '')));
    const record = {
      texts: kept,
      topics,
      images: images.filter((i) => used.has(i.id.toLowerCase())),
      active,
    };
    setBusy(true);
    try {
      if (id) {
        await call('PATCH', `/records/fiches/${id}`, { body: { changes: record } });
      } else {
        const res = await call<{ record: { id: string } }>('POST', '/records/fiches', {
          body: { record: { ...record, ...(fiche?.starter && { starter: fiche.starter }) } },
        });
        setId(res.record.id);
        window.history.replaceState(null, '', `#/review/fiches/edit/${res.record.id}`);
      }
      setNotice({ ok: true, text: ct('fiches.saved') });
      onSaved();
    } catch (err) {
      setNotice({ ok: false, text: errorNotice(err) });
    } finally {
      setBusy(false);
    }
  }

  const key = id ?? fiche?.key;
  return (
    <section aria-labelledby="fiche-title">
      <PageHeader
        id="fiche-title"
        title={title}
        actions={
          <>
            <a class="btn-link secondary" href="#/review/fiches">
              {ct('fiches.back')}
            </a>
            {key && (
              <a class="btn-link secondary" href={`#/review/fiches/print/${encodeURIComponent(key)}/${lang}`}>
                {ct('fiches.print')}
              </a>
            )}
          </>
        }
      />
      <form class="fiche-editor" onSubmit={(e) => void save(e)}>
        <fieldset class="fiche-langs">
          <legend>{ct('fiches.languageTabs')}</legend>
          {LANGS.map((l) => (
            <label key={l} class="fiche-lang">
              <input type="radio" name="fiche-lang" checked={lang === l} onChange={() => setLang(l)} />
              {ct(`fiches.lang.${l}`)}
            </label>
          ))}
        </fieldset>
        <div class="fiche-columns">
          <div>
            <Field id="fiche-title-input" label={`${ct('fiches.titleLabel')} (${ct(`fiches.lang.${lang}`)})`}>
              {(a) => (
                <input
                  {...a}
                  maxLength={120}
                  value={text.title}
                  onInput={(e) => setText({ title: e.currentTarget.value })}
                />
              )}
            </Field>
            <Field
              id="fiche-body"
              label={`${ct('fiches.bodyLabel')} (${ct(`fiches.lang.${lang}`)})`}
              hint={ct('fiches.bodyHint')}
            >
              {(a) => (
                <textarea
                  {...a}
                  rows={16}
                  maxLength={8000}
                  value={text.body}
                  onInput={(e) => setText({ body: e.currentTarget.value })}
                />
              )}
            </Field>
            <Field id="fiche-image" label={ct('fiches.addImage')}>
              {(a) => (
                <input
                  {...a}
                  type="file"
                  accept={FICHE_IMAGE_TYPES.join(',')}
                  disabled={busy}
                  onChange={(e) => {
                    const input = e.currentTarget;
                    void addImage(input.files?.[0]).then(() => {
                      input.value = '';
                    });
                  }}
                />
              )}
            </Field>
          </div>
          <div class="fiche-preview" aria-labelledby="fiche-preview-h" role="region">
            <h2 id="fiche-preview-h">{ct('fiches.preview')}</h2>
            {text.title || text.body ? (
              <article class="fiche" lang={lang}>
                <h3>{text.title}</h3>
                <Markdown
                  source={text.body}
                  imageUrl={(i) => urls.get(i)}
                  missingImage={(alt) => alt}
                  headingBase={3}
                />
              </article>
            ) : (
              <p>{ct('fiches.previewEmpty')}</p>
            )}
          </div>
        </div>
        <fieldset class="fiche-topics">
          <legend>{ct('fiches.topicsLabel')}</legend>
          {options.map((o) => (
            <label key={o.value} class="fiche-topic">
              <input
                type="checkbox"
                checked={topics.includes(o.value)}
                onChange={(e) =>
                  setTopics(
                    e.currentTarget.checked ? [...topics, o.value] : topics.filter((k) => k !== o.value),
                  )
                }
              />
              {o.label}
            </label>
          ))}
        </fieldset>
        <label class="fiche-active">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          {ct('fiches.activeLabel')}
        </label>
        <p class={notice?.ok ? 'ws-ok' : 'ws-warning'} role="status">
          {notice?.text ?? ''}
        </p>
        <button type="submit" disabled={busy}>
          {ct('fiches.save')}
        </button>
      </form>
    </section>
  );
}
