import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  extendLoan,
  findEquipmentByAssetTag,
  lendEquipment,
  listOpenLoans,
  LoanBlockedError,
  returnLoan,
} from '../../../src/local';
import { freshDb, seedEquipment } from './helpers';

describe('equipment and loans', () => {
  it('finds an item by asset tag, case and spaces aside', async () => {
    const db = freshDb();
    const item = await seedEquipment(db);
    expect((await findEquipmentByAssetTag(' lap-0042 '))?.id).toBe(item.id);
    expect(await findEquipmentByAssetTag('LAP-9999')).toBeUndefined();
  });

  it('lends an item, marks it on_loan locally without an equipment outbox entry, and blocks a second loan', async () => {
    const db = freshDb();
    const item = await seedEquipment(db);
    const loan = await lendEquipment({
      consent: true,
      equipmentId: item.id,
      kind: 'loan',
      borrowerCode: 'B-17',
      agreementExplained: true,
    });
    expect(loan.status).toBe('active');
    expect((await db.equipment.get(item.id))?.status).toBe('on_loan');
    expect((await db.outbox.toArray()).map((e) => e.table)).toEqual(['loans']);

    const err = await lendEquipment({
      consent: true,
      equipmentId: item.id,
      kind: 'loan',
      borrowerCode: 'B-18',
    }).catch((e) => e);
    expect(err).toBeInstanceOf(LoanBlockedError);
    expect((err as LoanBlockedError).openLoan.id).toBe(loan.id);
    expect(await db.loans.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('extends and returns a loan; the item can then be lent again', async () => {
    const db = freshDb();
    const item = await seedEquipment(db);
    const loan = await lendEquipment({
      consent: true,
      equipmentId: item.id,
      kind: 'loan',
      borrowerCode: 'B-17',
      dueAt: '2026-12-01T12:00:00.000Z',
    });
    const extended = await extendLoan(loan.id, '2026-12-15T12:00:00.000Z');
    expect(extended.extensions).toEqual([
      expect.objectContaining({
        previousDueAt: '2026-12-01T12:00:00.000Z',
        newDueAt: '2026-12-15T12:00:00.000Z',
      }),
    ]);
    await returnLoan(loan.id, { conditionIn: 'good' });
    expect(await listOpenLoans()).toEqual([]);
    expect((await db.equipment.get(item.id))?.status).toBe('ready');
    await expect(
      lendEquipment({ consent: true, equipmentId: item.id, kind: 'loan', borrowerCode: 'B-19' }),
    ).resolves.toMatchObject({
      status: 'active',
    });
    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual([1, 2, 3, 4]);
  });
});
