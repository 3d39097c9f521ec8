// Lazy screens: each feature is its own chunk, fetched when its route is first opened (and
// precached by the service worker for offline use), keeping the first load small.
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';

/** A lazy screen; `preload()` fetches its chunk ahead, so its first render shows it at once. */
export type LazyScreen<P extends object> = FunctionComponent<P> & { preload: () => Promise<void> };

/** A component that loads `loader()` on first render (or on `preload()`) and then renders its export. */
export function lazyScreen<P extends object>(loader: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | undefined;
  const Lazy = function Lazy(props: P) {
    const [Comp, setComp] = useState<ComponentType<P> | undefined>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      loader()
        .then((c) => {
          loaded = c;
          setComp(() => c);
        })
        .catch(() => setFailed(true));
    }, []);
    if (failed) return <p role="alert">{t('error.load_failed')}</p>;
    if (!Comp) return <p class="loading">{t('common.loading')}</p>;
    return <Comp {...props} />;
  } as LazyScreen<P>;
  Lazy.preload = async () => {
    loaded ??= await loader();
  };
  return Lazy;
}
