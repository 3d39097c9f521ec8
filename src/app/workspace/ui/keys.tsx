// Keyboard shortcuts of the workspace (the inbox's j/k/Enter/x/r, the record page's n/p): when
// a key is the page's and not the control's, and the short visible hint of the keys.
import { useLayoutEffect, useRef } from 'preact/hooks';

const TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'image',
  'file',
  'range',
  'color',
]);

/** Whether `el` takes typed text (a text field, select, textarea or editable element). */
export function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !TEXT_INPUTS.has(el.type);
}

/**
 * Listens to the page's key presses that are shortcuts: not while typing, not with Ctrl, Alt or
 * Meta (the browser's and the screen reader's own keys).
 */
export function useShortcuts(onKey: (e: KeyboardEvent) => void): void {
  const handler = useRef(onKey);
  handler.current = onKey;
  // A layout effect: the keys work as soon as the screen shows.
  useLayoutEffect(() => {
    const on = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || isTyping(e.target)) return;
      handler.current(e);
    };
    document.addEventListener('keydown', on);
    return () => document.removeEventListener('keydown', on);
  }, []);
}

/** A short line naming the keys of a screen: [[keys, what they do], ...]. */
export function KeyHint({ label, keys }: { label: string; keys: Array<[string[], string]> }) {
  return (
    <p class="ws-keys no-print">
      <span>{label}</span>
      {keys.map(([ks, what]) => (
        <span key={what} class="ws-key">
          {ks.map((k, i) => (
            <>
              {i > 0 && ' / '}
              <kbd>{k}</kbd>
            </>
          ))}{' '}
          {what}
        </span>
      ))}
    </p>
  );
}
