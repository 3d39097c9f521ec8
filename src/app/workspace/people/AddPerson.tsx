// Adding a volunteer or coordinator. Without an e-mail address (a volunteer who only uses the
// phone app) it makes an enrolment code for their phone; with one it adds the account without a
// password and makes a one-time link for them to choose it, so the coordinator never knows it.
import { useState } from 'preact/hooks';
import type { EnrolmentCodeResponse, ManagedRole } from '../../../shared/api';
import { ApiError } from '../../../sync';
import { call } from '../api';
import { Field } from '../Field';
import { fieldErrors, type FieldErrors } from '../fieldErrors';
import { ct } from '../i18n';
import type { Shared } from './ShareCode';

const FIELDS = ['name', 'email', 'role'] as const;

/** The add form; `onShare` receives the code or link to hand over. */
export function AddPerson({ onShare }: { onShare: (s: Shared) => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<ManagedRole>('volunteer');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState('');
  const [busy, setBusy] = useState(false);

  const fail = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'email_taken') {
      return setErrors({ email: ct('people.emailTaken') });
    }
    const found = fieldErrors(err, (path) => FIELDS.find((f) => f === path[0]));
    setErrors(found.fields);
    setGeneral(found.general ?? '');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setGeneral('');
    const who = name.trim();
    const address = email.trim();
    if (!who) return setErrors({ name: ct('people.nameNeeded') });
    if (role === 'coordinator' && !address) return setErrors({ email: ct('people.emailNeeded') });
    setErrors({});
    setBusy(true);
    try {
      if (!address) {
        const code = await call<EnrolmentCodeResponse>('POST', '/enrolment-codes', {
          body: { name: who, role: 'volunteer' },
        });
        onShare({ kind: 'enrol', name: who, url: code.url, expiresAt: code.expiresAt });
      } else {
        const made = await call<{ user: { id: string } }>('POST', '/users', {
          body: { name: who, email: address, role },
        });
        const link = await call<EnrolmentCodeResponse>('POST', `/users/${made.user.id}/reset-codes`, {
          body: {},
        });
        onShare({ kind: 'reset', name: who, email: address, url: link.url, expiresAt: link.expiresAt });
      }
      setName('');
      setEmail('');
      setRole('volunteer');
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="ws-panel" aria-labelledby="add-title">
      <h2 id="add-title">{ct('people.add')}</h2>
      <p>{ct('people.addHint')}</p>
      <form class="ws-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="add-name" label={ct('people.name')} error={errors.name}>
          {(a) => (
            <input {...a} value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
          )}
        </Field>
        <Field id="add-role" label={ct('people.role')} error={errors.role}>
          {(a) => (
            <select {...a} value={role} onChange={(e) => setRole(e.currentTarget.value as ManagedRole)}>
              <option value="volunteer">{ct('role.volunteer')}</option>
              <option value="coordinator">{ct('role.coordinator')}</option>
            </select>
          )}
        </Field>
        <Field
          id="add-email"
          label={ct('people.addEmail')}
          hint={ct('people.addEmailHint')}
          error={errors.email}
        >
          {(a) => (
            <input
              {...a}
              type="email"
              autocomplete="off"
              value={email}
              maxLength={200}
              onInput={(e) => setEmail(e.currentTarget.value)}
            />
          )}
        </Field>
        <div class="ws-form-actions">
          <button type="submit" disabled={busy}>
            {ct('people.addSubmit')}
          </button>
          <p role="alert">{general}</p>
        </div>
      </form>
    </section>
  );
}
