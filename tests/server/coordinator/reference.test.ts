// Reference data without keys (issue 10 item 6) on SQLite and PostgreSQL: a topic is created by
// its names only and gets a valid key derived from them, unique in the organisation and stable
// when renamed; two topics may not share a name in a language (built-in ones included), two
// places or partners a name, two items an asset tag; places and partners are renamed and
// switched off by correction, and phones pull all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicKey } from '../../../src/shared/records';
import type { PullResponse } from '../../../src/shared/sync-protocol';
import { deriveTopicKey, slugKey } from '../../../src/server/coordinator/topic-key';
import { api, testDatabases, type TestServer } from '../helpers';
import { startCoordinatorServer } from './server';

describe('topic keys from names', () => {
  it('makes a valid key of any name', () => {
    const cases: Array<[string, string]> = [
      ['Aanvraag €-kaart (OCMW)', 'aanvraag_kaart_ocmw'],
      ['Pension de retraite – dossier', 'pension_de_retraite_dossier'],
      ['Ελληνικά', 'topic'],
      ['112 app', 'topic_112_app'],
      ['x', 'topic_x'],
      ['Straße Œuvre', 'strasse_oeuvre'],
      ['   ', 'topic'],
    ];
    for (const [name, key] of cases) {
      expect(slugKey(name), name).toBe(key);
      expect(topicKey.safeParse(key).success, key).toBe(true);
    }
    const long = 'Een heel lang onderwerp met veel woorden over de digitale kloof';
    const k = deriveTopicKey(long, new Set());
    expect(k.length).toBeLessThanOrEqual(40);
    expect(topicKey.safeParse(k).success).toBe(true);
  });

  it('adds _2, _3... when the key is taken, still within 40 characters', () => {
    expect(deriveTopicKey('E-mail', new Set(['e_mail']))).toBe('e_mail_2');
    expect(deriveTopicKey('E-mail', new Set(['e_mail', 'e_mail_2']))).toBe('e_mail_3');
    const long = 'a'.repeat(60);
    const taken = new Set([deriveTopicKey(long, new Set())]);
    const second = deriveTopicKey(long, taken);
    expect(second).toBe(`${'a'.repeat(38)}_2`);
    expect(topicKey.safeParse(second).success).toBe(true);
  });
});

describe.each(testDatabases())('reference data by name on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startCoordinatorServer(url);
  });
  afterAll(() => s.close());

  const post = (table: string, record: Record<string, unknown>) =>
    api(s.app, s.coordinator.token, 'POST', `/records/${table}`, { record });
  const patch = (table: string, id: string, changes: Record<string, unknown>) =>
    api(s.app, s.coordinator.token, 'PATCH', `/records/${table}/${id}`, { changes });

  it('creates a topic by its names and derives its key; phones pull it', async () => {
    const res = await post('topics', {
      labels: { nl: 'Aanvraag energiepremie', fr: 'Demande de prime énergie', en: 'Energy grant request' },
      active: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const topic = res.json().record;
    expect(topic.key).toBe('energy_grant_request');
    const pull = (await api(s.app, s.volunteer.token, 'GET', '/sync/pull')).json<PullResponse>();
    expect(pull.changes.find((c) => c.id === topic.id)?.record).toMatchObject({
      key: 'energy_grant_request',
    });
    // Only a Dutch name: the key comes from it.
    const nlOnly = (await post('topics', { labels: { nl: 'Kinderbijslag' } })).json().record;
    expect(nlOnly.key).toBe('kinderbijslag');
  });

  it('keeps keys unique: another topic whose name makes the same key gets the next one', async () => {
    await post('topics', { labels: { en: 'Bus pass' } });
    const second = await post('topics', { labels: { en: 'Bus-pass', nl: 'Busabonnement' } });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().record.key).toBe('bus_pass_2');
    // A built-in key is never reused.
    const mail = await post('topics', { labels: { en: 'Email' } });
    expect(mail.statusCode, mail.body).toBe(201);
    expect(mail.json().record.key).toBe('email_2');
  });

  it('refuses a second topic with a name already used in that language, built-in ones included', async () => {
    const own = await post('topics', { labels: { fr: ' demande de prime ENERGIE', en: 'Something else' } });
    expect(own.statusCode).toBe(409);
    expect(own.json().error).toMatchObject({ code: 'name_taken', issues: [{ path: ['labels', 'fr'] }] });
    const builtin = await post('topics', { labels: { nl: 'Online bankieren' } });
    expect(builtin.statusCode).toBe(409);
    expect(builtin.json().error.issues[0].path).toEqual(['labels', 'nl']);
    const none = await post('topics', { labels: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.issues[0].path).toEqual(['labels']);
  });

  it('renames a topic without changing its key, and refuses a key change', async () => {
    const topic = (await post('topics', { labels: { en: 'Parking card' } })).json().record;
    const renamed = await patch('topics', topic.id, { labels: { en: 'Parking permit', nl: 'Parkeerkaart' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().record).toMatchObject({ key: 'parking_card', labels: { en: 'Parking permit' } });
    const rekey = await patch('topics', topic.id, { key: 'parking_permit' });
    expect(rekey.statusCode).toBe(400);
    expect(rekey.json().error.issues[0].path).toEqual(['key']);
    const clash = await patch('topics', topic.id, { labels: { en: 'Bus pass' } });
    expect(clash.statusCode).toBe(409);
    // Switching off is a correction too, and leaves the name alone.
    expect((await patch('topics', topic.id, { active: false })).statusCode).toBe(200);
  });

  it('edits and switches off places and partners by name, refusing a name in use', async () => {
    const place = (await post('locations', { name: 'Buurthuis De Kring', active: true })).json().record;
    const dup = await post('locations', { name: 'buurthuis de kring' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'name_taken', issues: [{ path: ['name'] }] });
    const edited = await patch('locations', place.id, {
      name: 'Buurthuis De Kring (zaal 2)',
      address: 'Kerkstraat 1',
      postcode: '2060',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const off = await patch('locations', place.id, { active: false });
    expect(off.json().record).toMatchObject({ active: false, name: 'Buurthuis De Kring (zaal 2)' });
    const partner = (await post('partners', { name: 'OCMW Antwerpen', kind: 'public service' })).json()
      .record;
    expect((await post('partners', { name: 'OCMW  antwerpen' })).statusCode).toBe(409);
    const other = (await post('partners', { name: 'Digipunt' })).json().record;
    const clash = await patch('partners', other.id, { name: 'ocmw antwerpen' });
    expect(clash.statusCode).toBe(409);
    expect((await patch('partners', partner.id, { contact: '03 123 45 67' })).statusCode).toBe(200);
  });

  it('refuses a second item with an asset tag in use', async () => {
    const first = await post('equipment', { assetTag: 'DT-100', kind: 'laptop', status: 'intake' });
    expect(first.statusCode).toBe(201);
    const again = await post('equipment', { assetTag: 'dt-100', kind: 'tablet', status: 'intake' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'asset_tag_taken', issues: [{ path: ['assetTag'] }] });
    // The other organisation has its own tags.
    const other = await api(s.app, s.otherOrg.coordinator.token, 'POST', '/records/equipment', {
      record: { assetTag: 'DT-100', kind: 'laptop', status: 'intake' },
    });
    expect(other.statusCode).toBe(201);
  });
});
