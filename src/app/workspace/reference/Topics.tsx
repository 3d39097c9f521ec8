// The organisation's own topics, next to the built-in catalogue: each with a name per language
// (what the volunteers' topic buttons show). The key that records and reports store is the
// server's business: derived from the name once, never shown, never changed.
import { useState } from 'preact/hooks';
import { topicLabel } from '../../../shared/i18n';
import { call } from '../api';
import { errorNotice } from '../fieldErrors';
import { ct } from '../i18n';
import { Status } from '../Status';
import { useLoad } from '../useLoad';
import { allRecords } from './allRecords';
import { TOPIC_LANGS, TopicForm, type OwnTopic } from './TopicForm';

type Topic = OwnTopic & { key: string };

/** The topics section of the reference screen. */
export function Topics() {
  const list = useLoad(() => allRecords<Topic & Record<string, unknown>>('topics'), []);
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState('');
  const names = new Map((list.data ?? []).map((t) => [t.key, t.labels]));
  const done = (text: string) => {
    setEditing(undefined);
    setNotice(text);
    list.reload();
  };
  const toggle = async (t: Topic, active: boolean) => {
    try {
      await call('PATCH', `/records/topics/${t.id}`, { body: { changes: { active } } });
      done(ct('reference.savedNamed', { name: topicLabel(t.key, names) }));
    } catch (e) {
      setNotice(errorNotice(e));
    }
  };
  const rows = list.data ?? [];
  return (
    <section aria-labelledby="topics-title" class="ws-section">
      <h2 id="topics-title">{ct('table.topics')}</h2>
      <p class="field-hint">{ct('reference.ownTopicsHint')}</p>
      <Status error={list.error} loading={!list.data} />
      {list.data && rows.length === 0 && <p>{ct('reference.noneYet')}</p>}
      {rows.length > 0 && (
        <table>
          <thead>
            <tr>
              {TOPIC_LANGS.map((lang) => (
                <th scope="col" key={lang}>
                  {ct(`reference.label.${lang}`)}
                </th>
              ))}
              <th scope="col">{ct('reference.state')}</th>
              <th scope="col" class="ws-narrow">
                {ct('reference.actions')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => {
              const name = topicLabel(t.key, names);
              const on = t.active !== false;
              if (editing === t.id) {
                return (
                  <tr key={t.id}>
                    <td colSpan={TOPIC_LANGS.length + 2}>
                      <TopicForm
                        topic={t}
                        title={ct('reference.editTitle', { name })}
                        submit={ct('common.save')}
                        onDone={done}
                        onCancel={() => setEditing(undefined)}
                      />
                    </td>
                  </tr>
                );
              }
              return (
                <tr key={t.id} class={on ? undefined : 'ws-off'}>
                  {TOPIC_LANGS.map((lang) => (
                    <td key={lang}>{t.labels?.[lang] ?? ''}</td>
                  ))}
                  <td>{ct(on ? 'reference.on' : 'reference.off')}</td>
                  <td class="ws-narrow">
                    <div class="ws-actions">
                      <button
                        type="button"
                        class="secondary"
                        aria-label={ct('reference.editNamed', { name })}
                        onClick={() => setEditing(t.id)}
                      >
                        {ct('reference.edit')}
                      </button>
                      <button
                        type="button"
                        class="secondary"
                        aria-label={ct(on ? 'reference.switchOffNamed' : 'reference.switchOnNamed', { name })}
                        onClick={() => void toggle(t, !on)}
                      >
                        {ct(on ? 'reference.switchOff' : 'reference.switchOn')}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p role="status">{notice}</p>
      <details class="ws-panel">
        <summary>
          <h3>{ct('reference.addTopic')}</h3>
        </summary>
        <TopicForm title={ct('reference.addTopic')} submit={ct('reference.add')} onDone={done} />
      </details>
    </section>
  );
}
