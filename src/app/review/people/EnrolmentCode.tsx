// Makes a one-time enrolment code and shows its URL as a QR code for a volunteer's phone.
import QRCode from 'qrcode';
import { useState } from 'preact/hooks';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct, when } from '../i18n';

/** The enrolment form and, once made, the QR code. */
export function EnrolmentCode() {
  const [qr, setQr] = useState<{ src: string; url: string; expiresAt: string }>();
  const [error, setError] = useState('');
  const create = async (e: Event) => {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget as HTMLFormElement).get('name') ?? '');
    try {
      const res = await call<{ code: string; url: string; expiresAt: string }>('POST', '/enrolment-codes', {
        body: { name, role: 'volunteer' },
      });
      setQr({
        src: await QRCode.toDataURL(res.url, { margin: 1, width: 240 }),
        url: res.url,
        expiresAt: res.expiresAt,
      });
      setError('');
    } catch (err) {
      setError(errorNotice(err));
    }
  };
  return (
    <>
      <h2>{ct('people.enrol')}</h2>
      <form class="filters" onSubmit={(e) => void create(e)}>
        <label>
          {ct('people.enrolName')}
          <input name="name" required maxLength={200} />
        </label>
        <button type="submit">{ct('people.enrolCreate')}</button>
      </form>
      <p role="alert">{error}</p>
      {qr && (
        <figure>
          <img src={qr.src} alt={qr.url} width={240} height={240} />
          <figcaption>{ct('people.enrolHint', { date: when(qr.expiresAt, true) })}</figcaption>
        </figure>
      )}
    </>
  );
}
