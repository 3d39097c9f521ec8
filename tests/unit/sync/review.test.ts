// Review feedback on the phone (issue 10, item 4), against the real server: a pull stores the
// review state and the coordinator's comment of the volunteer's own records, never over an
// unsent edit; a correction saved on the phone is new again at once and on the server after
// the sync; a save that changes nothing keeps "has issues".
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  getHelpRequest,
  getMeta,
  listRecordsWithIssues,
  saveHelpRequest,
  startPermanence,
  updatePermanence,
  type LocalHelpRequest,
} from '../../../src/local';
import { pullChanges } from '../../../src/sync/pull';
import { api, startTestServer, type TestServer } from '../../server/helpers';
import { helpDraft, newPhone, type Phone } from './helpers';

vi.setConfig({ testTimeout: 60_000 });

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
});

/** The coordinator marks a record "has issues" with a comment, through the review route. */
async function markHasIssues(table: 'help_requests' | 'permanences', id: string, reviewComment: string) {
  const res = await api(server.app, server.coordinator.token, 'PATCH', `/records/${table}/${id}`, {
    reviewState: 'has_issues',
    reviewComment,
  });
  expect(res.statusCode).toBe(200);
}

/** The review state the server holds for a record. */
async function serverState(table: 'help_requests' | 'permanences', id: string): Promise<string> {
  const res = await api(server.app, server.coordinator.token, 'GET', `/records/${table}/${id}`);
  return res.json().record.reviewState as string;
}

async function synced(phone: Phone) {
  const report = await phone.engine.sync();
  expect(report).toMatchObject({ ok: true });
  return report;
}

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();

/** The ids of every record the phone lists as having issues (all tests sign in one volunteer). */
async function flaggedIds(): Promise<string[]> {
  const { help, permanences } = await listRecordsWithIssues();
  return ids([...help, ...permanences]);
}

describe('review feedback on the phone', () => {
  it("stores the review state and the coordinator's comment of the volunteer's own records", async () => {
    const phone = await newPhone(server, 'volunteer');
    phone.use();
    const flagged = await saveHelpRequest(helpDraft({ outcome: 'partly' }));
    const fine = await saveHelpRequest(helpDraft());
    const perm = await startPermanence({ locationId: null, kind: 'permanence' });
    await synced(phone);
    expect(await listRecordsWithIssues()).toEqual({ help: [], permanences: [] });

    await markHasIssues('help_requests', flagged.id, 'Solved or partly? The note says solved.');
    await markHasIssues('permanences', perm.id, 'Three hours and no visitors?');
    await synced(phone);

    expect(await phone.db.help_requests.get(flagged.id)).toMatchObject({
      reviewState: 'has_issues',
      reviewComment: 'Solved or partly? The note says solved.',
      syncState: 'synced',
    });
    expect(await phone.db.permanences.get(perm.id)).toMatchObject({
      reviewState: 'has_issues',
      reviewComment: 'Three hours and no visitors?',
    });
    expect((await phone.db.help_requests.get(fine.id))?.reviewState).toBe('new');
    const issues = await listRecordsWithIssues();
    expect(ids(issues.help)).toEqual([flagged.id]);
    expect(ids(issues.permanences)).toEqual([perm.id]);
    // Read through the index (schema v3), not a scan.
    expect(await phone.db.help_requests.where('reviewState').equals('has_issues').count()).toBe(1);

    // A coordinator's phone holds everyone's records: it lists none of the volunteer's as its own.
    const coordinatorPhone = await newPhone(server, 'coordinator');
    coordinatorPhone.use();
    await synced(coordinatorPhone);
    expect((await coordinatorPhone.db.help_requests.get(flagged.id))?.reviewState).toBe('has_issues');
    expect(await listRecordsWithIssues()).toEqual({ help: [], permanences: [] });
  });

  it('never lets a pulled review state overwrite an edit that is not sent yet', async () => {
    const phone = await newPhone(server, 'volunteer');
    phone.use();
    const h = await saveHelpRequest(helpDraft({ outcome: 'partly', note: 'first' }));
    await synced(phone);
    const edited = await saveHelpRequest({ ...h, note: 'edited offline' });
    await markHasIssues('help_requests', h.id, 'Which topic was it?');

    // The pull phase alone: the row keeps the unsent edit and its own review state.
    await pullChanges(phone.db, phone.api, (await getMeta(phone.db, 'pullCursor')) ?? '');
    const kept = await phone.db.help_requests.get(h.id);
    expect(kept).toMatchObject({ note: 'edited offline', reviewState: 'new', syncState: 'pending' });
    expect(kept?.reviewComment ?? null).toBeNull();
    expect(await phone.db.outbox.where('[table+id]').equals(['help_requests', h.id]).count()).toBe(1);
    expect(edited.reviewState).toBe('new');

    // The edit reaches the server after the review: it changed what the record says, so it is
    // new for the coordinator, and the phone's next pull says so (the comment stays).
    await synced(phone);
    expect(await serverState('help_requests', h.id)).toBe('new');
    expect(await phone.db.help_requests.get(h.id)).toMatchObject({
      note: 'edited offline',
      reviewState: 'new',
      reviewComment: 'Which topic was it?',
      syncState: 'synced',
    });
  });

  it('makes a corrected record new at once and on the server; a save that changes nothing keeps it', async () => {
    const phone = await newPhone(server, 'volunteer');
    phone.use();
    const h = await saveHelpRequest(helpDraft({ outcome: 'partly' }));
    const perm = await startPermanence({ locationId: null, kind: 'permanence' });
    await synced(phone);
    await markHasIssues('help_requests', h.id, 'Solved or partly?');
    await markHasIssues('permanences', perm.id, 'Visitors missing?');
    await synced(phone);
    expect(await flaggedIds()).toEqual(expect.arrayContaining([h.id, perm.id]));

    // Opened and saved as it was: still has issues, here and on the server.
    const same = (await getHelpRequest(h.id)) as LocalHelpRequest;
    expect((await saveHelpRequest({ ...same })).reviewState).toBe('has_issues');
    expect(await flaggedIds()).toContain(h.id);
    await synced(phone);
    expect(await serverState('help_requests', h.id)).toBe('has_issues');
    expect((await phone.db.help_requests.get(h.id))?.reviewState).toBe('has_issues');

    // Corrected: new on the phone before any sync (the notice goes), then on the server.
    const fixed = await saveHelpRequest({
      ...((await getHelpRequest(h.id)) as LocalHelpRequest),
      outcome: 'solved',
    });
    expect(fixed).toMatchObject({ reviewState: 'new', syncState: 'pending' });
    await updatePermanence(perm.id, { visitorCount: 7 });
    expect(await flaggedIds()).not.toContain(h.id);
    expect(await flaggedIds()).not.toContain(perm.id);
    await synced(phone);
    expect(await serverState('help_requests', h.id)).toBe('new');
    expect(await serverState('permanences', perm.id)).toBe('new');
    expect(await phone.db.help_requests.get(h.id)).toMatchObject({
      outcome: 'solved',
      reviewState: 'new',
      syncState: 'synced',
    });
    expect(await flaggedIds()).not.toContain(h.id);
    expect(await flaggedIds()).not.toContain(perm.id);
  });
});
