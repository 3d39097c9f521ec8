// Shared sessions on the phone (issue 14): the counters of the session this phone counts in
// (totals of every phone; this phone writes only its own part), the code and QR code that let
// colleagues join, and the list of today's open sessions of colleagues to join.
import { useState } from 'preact/hooks';
import { brusselsDay, formatTime, getLanguage, label, t } from '../../shared/i18n';
import type { SessionCounter } from '../../shared/records';
import { sessionCode, sessionTotals } from '../../shared/sessions';
import {
  bumpPermanenceCounter,
  bumpSessionCounter,
  endSessionAsMember,
  findSessionByCode,
  joinSession,
  listJoinableSessions,
  listLocations,
  type CurrentSession,
  type LocalPermanence,
} from '../../local';
import { Counter } from '../ui/Counter';
import { errorMessage } from '../ui/errors';
import { Field, fieldAria } from '../ui/Field';
import { useLive } from '../ui/useLive';

type CounterWords = [SessionCounter, 'visitors' | 'turnedAway' | 'doors' | 'notHome' | 'conversations'];

/** The counters of a kind of session: door-to-door rounds count doors, the rest visitors. */
function countersOf(kind: string | undefined): Array<[SessionCounter, string, string, string]> {
  const rows: CounterWords[] =
    kind === 'door_to_door'
      ? [
          ['doorCount', 'doors'],
          ['notHomeCount', 'notHome'],
          ['conversationCount', 'conversations'],
        ]
      : [
          ['visitorCount', 'visitors'],
          ['turnedAwayCount', 'turnedAway'],
        ];
  const words = {
    visitors: ['permanence.visitors', 'permanence.plusVisitor', 'permanence.minusVisitor'],
    turnedAway: ['permanence.turnedAway', 'permanence.plusTurnedAway', 'permanence.minusTurnedAway'],
    doors: ['permanence.doors', 'permanence.plusDoor', 'permanence.minusDoor'],
    notHome: ['permanence.notHome', 'permanence.plusNotHome', 'permanence.minusNotHome'],
    conversations: [
      'permanence.conversations',
      'permanence.plusConversation',
      'permanence.minusConversation',
    ],
  } as const;
  return rows.map(([field, w]) => {
    const [l, plus, minus] = words[w];
    return [field, t(l), t(plus), t(minus)];
  });
}

/** Element ids of the counters (the first two as they were before shared sessions). */
const COUNTER_IDS: Record<SessionCounter, string> = {
  visitorCount: 'perm-visitors',
  turnedAwayCount: 'perm-turned-away',
  doorCount: 'perm-doors',
  notHomeCount: 'perm-not-home',
  conversationCount: 'perm-conversations',
};

/** The big counters: each shows the session's total; a tap changes this phone's part. */
export function SessionCounters({ session }: { session: CurrentSession }) {
  const [failure, setFailure] = useState<string>();
  const { permanence, member, members } = session;
  const totals = sessionTotals(permanence, members);
  const own = member ?? permanence;
  const bump = (field: SessionCounter) => (delta: 1 | -1) => {
    const done = member
      ? bumpSessionCounter(member.id, field, delta)
      : bumpPermanenceCounter(session.permanenceId, field, delta);
    done.catch((err: unknown) => setFailure(errorMessage(err)));
  };
  const counters = countersOf(permanence?.kind);
  const shared = members.length > 0;
  return (
    <>
      {counters.map(([field, name, plus, minus]) => (
        <Counter
          key={field}
          id={COUNTER_IDS[field]}
          label={name}
          value={totals[field]}
          plusLabel={plus}
          minusLabel={minus}
          // -1 undoes this phone's own taps only: another phone's count is not this one's to take back.
          minusDisabled={(own?.[field] ?? 0) <= 0}
          hint={shared ? t('permanence.thisPhone', { n: own?.[field] ?? 0 }) : undefined}
          onChange={bump(field)}
        />
      ))}
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

/** The code (and QR code) colleagues join the session with. */
export function SharePanel({ session }: { session: CurrentSession }) {
  const code = sessionCode(session.permanenceId);
  const [qr, setQr] = useState<string>();
  const [open, setOpen] = useState(false);
  const toggle = async () => {
    if (open) return setOpen(false);
    setOpen(true);
    if (!qr) {
      const url = `${location.origin}${location.pathname}#/session/${session.permanenceId}`;
      const QRCode = (await import('qrcode')).default;
      setQr(await QRCode.toDataURL(url, { margin: 1, width: 220 }));
    }
  };
  return (
    <section class="shared-session" aria-labelledby="shared-title">
      <h2 id="shared-title">{t('permanence.sharedTitle')}</h2>
      <p class="hint">{session.member ? t('permanence.joinedHint') : t('permanence.sharedHint')}</p>
      <p class="session-code">
        {t('permanence.code')} <strong>{code}</strong>
      </p>
      <p>{t('permanence.phones', { n: session.members.length + 1 })}</p>
      <button type="button" class="btn btn-secondary" aria-expanded={open} onClick={() => void toggle()}>
        {open ? t('permanence.hideQr') : t('permanence.showQr')}
      </button>
      {open && qr && (
        <img class="session-qr" src={qr} width={220} height={220} alt={t('permanence.qrAlt', { code })} />
      )}
    </section>
  );
}

/** "End the session for everyone", on a phone that joined it. */
export function EndAsMember({ memberId }: { memberId: string }) {
  const [failure, setFailure] = useState<string>();
  return (
    <>
      <button
        type="button"
        class="btn btn-secondary"
        onClick={() => endSessionAsMember(memberId).catch((err: unknown) => setFailure(errorMessage(err)))}
      >
        {t('permanence.endForAll')}
      </button>
      {failure && (
        <p class="form-error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

/** What a session is, in words: "Permanence since 10:02 · Library". */
function describe(p: LocalPermanence, places: Array<{ id: string; name: string }>): string {
  const place = places.find((l) => l.id === p.locationId)?.name;
  const since = t('permanence.openSince', {
    kind: label('permanenceKind', p.kind),
    time: formatTime(getLanguage(), p.startedAt),
  });
  return place ? `${since} · ${place}` : since;
}

/** Today's open sessions of colleagues, and a code field, to join one. */
export function JoinPanel() {
  const sessions = useLive(() => listJoinableSessions(brusselsDay(), (iso) => brusselsDay(iso)));
  const places = useLive(listLocations) ?? [];
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string>();
  const join = (id: string) => joinSession(id).catch((err: unknown) => setFailure(errorMessage(err)));
  const byCode = (e: Event) => {
    e.preventDefault();
    const found = findSessionByCode(sessions ?? [], code);
    if (!found) return setFailure(t('permanence.codeNotFound'));
    setFailure(undefined);
    void join(found.id);
  };
  return (
    <section class="join-session" aria-labelledby="join-title">
      <h2 id="join-title">{t('permanence.joinTitle')}</h2>
      <p class="hint">{t('permanence.joinHint')}</p>
      {sessions && sessions.length === 0 && <p>{t('permanence.joinNone')}</p>}
      {sessions && sessions.length > 0 && (
        <ul class="join-list">
          {sessions.map((p) => (
            <li key={p.id}>
              <button type="button" class="btn btn-secondary" onClick={() => void join(p.id)}>
                {t('permanence.join', { what: describe(p, places) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={byCode} noValidate>
        <Field id="join-code" label={t('permanence.joinCode')}>
          <input
            {...fieldAria('join-code')}
            value={code}
            autocomplete="off"
            autocapitalize="characters"
            maxLength={12}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
        </Field>
        {failure && (
          <p class="form-error" role="alert">
            {failure}
          </p>
        )}
        <button type="submit" class="btn btn-secondary">
          {t('permanence.joinByCode')}
        </button>
      </form>
    </section>
  );
}
