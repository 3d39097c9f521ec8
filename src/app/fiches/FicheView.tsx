// One fiche as the person sees it on the phone: its title, the steps in the reader's language
// (or the language it has, said so), and its images from the copies kept on the phone.
import { useEffect, useState } from 'preact/hooks';
import { ficheImages } from '../../local';
import { label, t } from '../../shared/i18n';
import { ficheText, type ShownFiche } from '../../shared/fiches/list';
import { imageIds } from '../../shared/markdown';
import { Markdown } from './Markdown';
import { ficheLang } from './useFiches';

/** blob: URLs of the kept copies of `ids`, revoked when they change or the view goes. */
function useImageUrls(ids: string[]): Map<string, string> {
  const [urls, setUrls] = useState(new Map<string, string>());
  const key = ids.join(',');
  useEffect(() => {
    let made: string[] = [];
    let alive = true;
    void ficheImages(ids).then((found) => {
      if (!alive) return;
      const next = new Map<string, string>();
      for (const [id, img] of found) next.set(id, URL.createObjectURL(img.blob));
      made = [...next.values()];
      setUrls(next);
    });
    return () => {
      alive = false;
      for (const u of made) URL.revokeObjectURL(u);
    };
  }, [key]);
  return urls;
}

interface Props {
  fiche: ShownFiche;
  /** The level of the fiche's title (1 on its own page, 2 or 3 inside another screen). */
  level: 1 | 2 | 3;
}

/** The fiche, read from the phone only. */
export function FicheView({ fiche, level }: Props) {
  const lang = ficheLang();
  const text = ficheText(fiche, lang);
  const urls = useImageUrls(imageIds(text.body));
  const H = `h${level}` as 'h2';
  return (
    <article class="fiche" lang={text.lang}>
      {level > 1 && <H class="fiche-title">{text.title}</H>}
      {text.lang !== lang && (
        <p class="hint" lang={lang}>
          {t('fiches.otherLanguage', { lang: label('language', text.lang) })}
        </p>
      )}
      <Markdown
        source={text.body}
        imageUrl={(id) => urls.get(id)}
        missingImage={(alt) => t('fiches.imageMissing', { alt })}
        headingBase={(level + 1) as 2 | 3}
      />
    </article>
  );
}
