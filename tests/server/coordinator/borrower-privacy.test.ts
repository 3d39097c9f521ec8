// Issue 11 findings 2 and 3 on SQLite and PostgreSQL: an erased borrower's name and phone come
// back from nowhere (conflicts, audit trail, overwritten values, any table); borrower codes are
// unique among live borrowers, so an access request or erasure by code reaches the one person;
// the access export includes the history while it exists; retention clears the audit trail and
// overwritten values of what it clears.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../src/shared/ids';
import type { Session } from '../../../src/shared/api';
import { up as upRetentionHistory } from '../../../src/server/db/migrations/20261201T1718_retention_history';
import { runRetention } from '../../../src/server/retention/run';
import { api, login, testDatabases, type TestServer } from '../helpers';
import { counter, equipment, helpRequest, loan, push } from '../fixtures';
import { tableNames } from '../routes';
import { startCoordinatorServer } from './server';

const DAY = 86_400_000;

describe.each(testDatabases())(
  'borrower erasure, export, codes and history retention on $name',
  ({ url }) => {
    let s: TestServer;
    let second: Session;
    const next = counter();
    beforeAll(async () => {
      s = await startCoordinatorServer(url);
      second = await login(s.app, s.coordinator.user.email);
    });
    afterAll(() => s.close());

    /** Every table and column where `needle` still appears (the whole database is searched). */
    async function whereIs(needle: string): Promise<string[]> {
      const found: string[] = [];
      for (const t of await tableNames(s.db)) {
        const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(s.db);
        for (const row of rows.rows)
          for (const [col, v] of Object.entries(row))
            if (typeof v === 'string' && v.includes(needle)) found.push(`${t}.${col}`);
      }
      return found;
    }

    it('erases the identity from every table: conflicts, audit trail and overwritten values included', async () => {
      const item = equipment();
      const b = {
        id: newId(),
        borrowerCode: 'B-ERASE',
        name: 'Anaïs Oldname',
        phone: '0470 11 22 33',
        consent: true,
      };
      await push(s.app, s.coordinator, [
        { mutationId: next(s.coordinator), table: 'equipment', record: item },
        { mutationId: next(s.coordinator), table: 'borrowers', record: b },
        {
          mutationId: next(s.coordinator),
          table: 'loans',
          record: loan(item.id as string, { borrowerCode: 'B-ERASE' }),
        },
      ]);
      // A stale write from another device overwrites name and phone: the old ones go to `merges`.
      await push(s.app, second, [
        {
          mutationId: next(second),
          table: 'borrowers',
          record: { ...b, name: 'Anaïs Newname', phone: '0499 99 99 99' },
          baseVersion: null,
        },
      ]);
      // A correction: the audit trail holds the name before and after.
      const patched = await api(s.app, s.coordinator.token, 'PATCH', `/records/borrowers/${b.id}`, {
        changes: { name: 'Anaïs Corrected' },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      const conflicts = await api(s.app, s.coordinator.token, 'GET', '/conflicts');
      expect(conflicts.body).toContain('Oldname');

      // The access export holds all of it while it exists.
      const exported = (await api(s.app, s.coordinator.token, 'GET', '/borrowers/B-ERASE/export')).json();
      expect(exported.borrower).toMatchObject({ name: 'Anaïs Corrected' });
      expect(JSON.stringify(exported.overwritten)).toContain('Anaïs Oldname');
      expect(JSON.stringify(exported.overwritten)).toContain('0470 11 22 33');
      expect(JSON.stringify(exported.changes)).toContain('Anaïs Newname');
      expect(exported.loans).toHaveLength(1);

      const erased = await api(s.app, s.coordinator.token, 'POST', '/borrowers/B-ERASE/erase');
      expect(erased.json()).toEqual({ erased: true });
      for (const needle of ['Oldname', 'Newname', 'Corrected', '0470 11 22 33', '0499 99 99 99'])
        expect(await whereIs(needle), needle).toEqual([]);
      const after = await api(s.app, s.coordinator.token, 'GET', '/conflicts');
      expect(after.statusCode).toBe(200);
      expect(after.body).not.toContain('Anaïs');
      const detail = (await api(s.app, s.coordinator.token, 'GET', `/records/borrowers/${b.id}`)).json();
      expect(detail.record.deleted).toBe(true);
      expect(JSON.stringify(detail)).not.toContain('Anaïs');
      const again = (await api(s.app, s.coordinator.token, 'GET', '/borrowers/B-ERASE/export')).json();
      expect(again.borrower).toBeNull();
      expect(JSON.stringify(again)).not.toContain('Anaïs');
      expect(again.loans).toHaveLength(1);
    });

    it('keeps borrower codes unique among live borrowers, on the phone path and the workspace path', async () => {
      const first = { id: newId(), borrowerCode: 'B-UNIQ', name: 'First Person', consent: true };
      const twin = { id: newId(), borrowerCode: 'B-UNIQ', name: 'Second Person', consent: true };
      const res = await push(s.app, s.coordinator, [
        { mutationId: next(s.coordinator), table: 'borrowers', record: first },
        { mutationId: next(s.coordinator), table: 'borrowers', record: twin },
      ]);
      expect(res.results[0]!.status).toBe('applied');
      expect(res.results[1]).toMatchObject({ status: 'rejected', error: { code: 'borrower_code_taken' } });

      const created = await api(s.app, s.coordinator.token, 'POST', '/records/borrowers', {
        record: { borrowerCode: 'B-UNIQ', name: 'Third Person', consent: true },
      });
      expect(created.statusCode, created.body).toBe(409);
      expect(created.json().error.code).toBe('borrower_code_taken');
      const other = await api(s.app, s.coordinator.token, 'POST', '/records/borrowers', {
        record: { borrowerCode: 'B-OTHER', name: 'Fourth Person', consent: true },
      });
      expect(other.statusCode, other.body).toBe(201);
      const renamed = await api(
        s.app,
        s.coordinator.token,
        'PATCH',
        `/records/borrowers/${other.json().id ?? other.json().record?.id}`,
        {
          changes: { borrowerCode: 'B-UNIQ' },
        },
      );
      expect(renamed.statusCode, renamed.body).toBe(409);

      // Once erased, the code is free for someone else.
      await api(s.app, s.coordinator.token, 'POST', '/borrowers/B-UNIQ/erase');
      const reused = await push(s.app, s.coordinator, [
        { mutationId: next(s.coordinator), table: 'borrowers', record: { ...twin, id: newId() } },
      ]);
      expect(reused.results[0]!.status).toBe('applied');
    });

    it('exports and erases every borrower an older server let share one code', async () => {
      const rows = ['Twin One', 'Twin Two'].map((name) => ({
        id: newId(),
        borrowerCode: 'B-TWIN',
        name,
        consent: true,
      }));
      await push(s.app, s.coordinator, [
        { mutationId: next(s.coordinator), table: 'borrowers', record: rows[0]! },
      ]);
      // The second one as an older server stored it, straight into the table.
      const stored = await s.db
        .selectFrom('borrowers')
        .selectAll()
        .where('id', '=', rows[0]!.id)
        .executeTakeFirstOrThrow();
      await s.db
        .insertInto('borrowers')
        .values({ ...stored, id: rows[1]!.id, data: JSON.stringify(rows[1]), seq: stored.seq + 100000 })
        .execute();
      const exported = (await api(s.app, s.coordinator.token, 'GET', '/borrowers/B-TWIN/export')).json();
      expect(exported.borrowers.map((b: { name: string }) => b.name).sort()).toEqual([
        'Twin One',
        'Twin Two',
      ]);
      await api(s.app, s.coordinator.token, 'POST', '/borrowers/B-TWIN/erase');
      expect(await whereIs('Twin One')).toEqual([]);
      expect(await whereIs('Twin Two')).toEqual([]);
    });

    it('retention clears the audit trail and overwritten values of the free text and identity it clears', async () => {
      const old = new Date(Date.now() - 200 * DAY).toISOString();
      const help = helpRequest({ occurredAt: old, note: 'NN 85.01.01-123.45 first', visitorCode: 'V-OLD' });
      await push(s.app, s.volunteer, [
        { mutationId: next(s.volunteer), table: 'help_requests', record: help },
      ]);
      // A stale write keeps the first note in `merges`; a correction keeps the second in the audit.
      await push(s.app, s.coordinator, [
        {
          mutationId: next(s.coordinator),
          table: 'help_requests',
          record: { ...help, note: 'NN 85.01.01-123.45 second' },
          baseVersion: null,
        },
      ]);
      await api(s.app, s.coordinator.token, 'PATCH', `/records/help_requests/${help.id}`, {
        changes: { note: 'fixed: no number', outcome: 'partly' },
      });
      expect(await whereIs('85.01.01-123.45')).not.toEqual([]);

      // An expired borrower, with a correction in the audit trail.
      const b = {
        id: newId(),
        borrowerCode: 'B-EXPIRE',
        name: 'Expired Person',
        phone: '0471 00 00 00',
        consent: true,
      };
      const item = equipment();
      await push(s.app, s.coordinator, [
        { mutationId: next(s.coordinator), table: 'equipment', record: item },
        { mutationId: next(s.coordinator), table: 'borrowers', record: b },
        {
          mutationId: next(s.coordinator),
          table: 'loans',
          record: loan(item.id as string, { borrowerCode: 'B-EXPIRE', startedAt: old, returnedAt: old }),
        },
      ]);
      await api(s.app, s.coordinator.token, 'PATCH', `/records/borrowers/${b.id}`, {
        changes: { name: 'Expired Renamed' },
      });

      await runRetention(s.db);
      expect(await whereIs('85.01.01-123.45')).toEqual([]);
      expect(await whereIs('fixed: no number')).toEqual([]);
      expect(await whereIs('Expired')).toEqual([]);
      expect(await whereIs('0471 00 00 00')).toEqual([]);
      // What was not free text stays in the trail: the outcome's correction.
      const detail = (
        await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${help.id}`)
      ).json();
      expect(JSON.stringify(detail.audit)).toContain('partly');
      expect(detail.record.visitorCode).toBe('V-OLD');
    });

    it('catches up the history of records an older retention run had already cleared', async () => {
      const old = new Date(Date.now() - 200 * DAY).toISOString();
      const help = helpRequest({ occurredAt: old, note: 'first' });
      await push(s.app, s.volunteer, [
        { mutationId: next(s.volunteer), table: 'help_requests', record: help },
      ]);
      await api(s.app, s.coordinator.token, 'PATCH', `/records/help_requests/${help.id}`, {
        changes: { note: 'Old Secret 42' },
      });
      // As the older retention left it: the note gone from the record, stage 1, the audit untouched.
      await s.db
        .updateTable('help_requests')
        .set({ data: JSON.stringify({ ...help, note: undefined }), retention_stage: 1 })
        .where('id', '=', help.id as string)
        .execute();
      await runRetention(s.db);
      expect(await whereIs('Old Secret 42')).not.toEqual([]);
      await upRetentionHistory(s.db as never);
      await runRetention(s.db);
      expect(await whereIs('Old Secret 42')).toEqual([]);
    });
  },
);
