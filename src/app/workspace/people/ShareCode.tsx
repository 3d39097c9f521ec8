// A one-time link to hand to someone (an enrolment code for a phone, or a link to choose a
// password): as a QR code to scan, and as the link itself to copy or send by e-mail.
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ct, when } from '../i18n';

export interface Shared {
  kind: 'enrol' | 'reset';
  /** Whom it is for. */
  name: string;
  /** Their e-mail address, for the "send by e-mail" link (reset links only). */
  email?: string | undefined;
  url: string;
  expiresAt: string;
}

/** The QR code, the link with its copy button, and what to do with them. */
export function ShareCode({ shared, onClose }: { shared: Shared; onClose: () => void }) {
  const [src, setSrc] = useState<string>();
  const [copied, setCopied] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // It appears at the top of the page, away from the button that made it: bring it into view.
  useEffect(() => heading.current?.focus(), [shared.url]);
  useEffect(() => {
    void QRCode.toDataURL(shared.url, { margin: 1, width: 240 }).then(setSrc);
  }, [shared.url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shared.url);
      setCopied(ct('people.shareCopied'));
    } catch {
      setCopied(ct('people.shareCopyFailed'));
    }
  };
  const params = { name: shared.name, date: when(shared.expiresAt, true) };
  const title =
    shared.kind === 'enrol' ? ct('people.shareEnrolTitle', params) : ct('people.shareResetTitle', params);
  const mail =
    shared.email &&
    `mailto:${encodeURIComponent(shared.email)}?subject=${encodeURIComponent(ct('people.shareMailSubject'))}` +
      `&body=${encodeURIComponent(shared.url)}`;
  return (
    <section class="ws-panel ws-share" aria-labelledby="share-title">
      <h2 id="share-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <div class="ws-share-body">
        <figure>
          {src && (
            <img src={src} alt={ct('people.shareQrAlt', { name: shared.name })} width={240} height={240} />
          )}
        </figure>
        <div>
          <p>
            {shared.kind === 'enrol'
              ? ct('people.shareEnrolHint', params)
              : ct('people.shareResetHint', params)}
          </p>
          <div class="field">
            <label for="share-link">{ct('people.shareLink')}</label>
            <input
              id="share-link"
              class="ws-share-link"
              readOnly
              value={shared.url}
              onFocus={(e) => e.currentTarget.select()}
            />
          </div>
          <div class="ws-form-actions">
            <button type="button" onClick={() => void copy()}>
              {ct('people.shareCopy')}
            </button>
            {mail && (
              <a class="btn-link" href={mail}>
                {ct('people.shareMail')}
              </a>
            )}
            <button type="button" class="secondary" onClick={onClose}>
              {ct('people.shareClose')}
            </button>
          </div>
          <p role="status">{copied}</p>
        </div>
      </div>
    </section>
  );
}
