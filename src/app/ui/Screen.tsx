// The frame of every screen: a title (the page's h1, focused on route change for screen
// readers) and a link back Home.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n';

interface Props {
  title: string;
  back?: string | false;
  children: ComponentChildren;
  /**
   * A form screen as tall as the window: its `.form-scroll` box scrolls and the form's actions
   * stay below it, in view, with nothing behind them.
   */
  fill?: boolean;
}

/** A screen with its heading and a back link (Home unless `back` says otherwise). */
export function Screen({ title, back = '#/', children, fill = false }: Props) {
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => h1.current?.focus(), [title]);
  return (
    <main class={fill ? 'screen screen-fill' : 'screen'}>
      <header class="screen-head">
        {back !== false && (
          <a class="back" href={back}>
            {t('nav.back')}
          </a>
        )}
        <h1 ref={h1} tabIndex={-1}>
          {title}
        </h1>
      </header>
      {children}
    </main>
  );
}
