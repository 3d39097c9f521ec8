// Lazy screens: each feature is its own chunk, fetched when its route is first opened (and
// precached by the service worker for offline use), keeping the first load small.
import type { ComponentType, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';

/** A component that loads `loader()` on first render and then renders its export. */
export function lazyScreen<P extends object>(loader: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | undefined;
  return function Lazy(props: P) {
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
  };
}
