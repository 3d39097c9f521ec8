// First start: the admin from the environment, or a generated one; configuration defaults.
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { bootstrapAdmin, FALLBACK_ADMIN_EMAIL } from '../../src/server/bootstrap';
import { loadConfig } from '../../src/server/config';
import { login, openTestDb, testDatabases } from './helpers';

describe.each(testDatabases())('bootstrap on $name', ({ url }) => {
  let release: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await release?.();
    release = undefined;
  });

  it('creates the org and admin from the environment once', async () => {
    const t = await openTestDb(url);
    release = t.release;
    const config = loadConfig({
      DIGITAFEL_ADMIN_EMAIL: 'Boss@Example.org',
      DIGITAFEL_ADMIN_PASSWORD: 'a long passphrase',
      DIGITAFEL_ORG_NAME: 'Digipunt Gent',
    });
    const first = await bootstrapAdmin(t.db, config);
    expect(first).toMatchObject({ created: true, email: 'Boss@Example.org' });
    expect(first).not.toHaveProperty('generatedPassword');
    expect(await bootstrapAdmin(t.db, config)).toEqual({ created: false });
    const app = await buildApp({ db: t.db, config });
    const session = await login(app, 'boss@example.org', 'a long passphrase');
    expect(session.user.role).toBe('admin');
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${session.token}` },
    });
    expect(me.json().org.name).toBe('Digipunt Gent');
    await app.close();
  });

  it('creates one org and one admin when several instances start at once', async () => {
    const t = await openTestDb(url);
    release = t.release;
    const config = loadConfig({
      DIGITAFEL_ADMIN_EMAIL: 'boss@example.org',
      DIGITAFEL_ADMIN_PASSWORD: 'a long passphrase',
    });
    // Three first starts at once: all see no admin, one creates it, the others give way.
    const results = await Promise.all([0, 1, 2].map(() => bootstrapAdmin(t.db, config)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(1);
    expect(await t.db.selectFrom('orgs').select('id').execute()).toHaveLength(1);
  });

  it('generates a first admin when the environment names none', async () => {
    const t = await openTestDb(url);
    release = t.release;
    const config = loadConfig({});
    const boot = await bootstrapAdmin(t.db, config);
    if (!boot.created) throw new Error('expected an admin to be created');
    expect(boot.email).toBe(FALLBACK_ADMIN_EMAIL);
    expect(boot.generatedPassword!.length).toBeGreaterThanOrEqual(20);
    const app = await buildApp({ db: t.db, config });
    expect((await login(app, FALLBACK_ADMIN_EMAIL, boot.generatedPassword)).user.role).toBe('admin');
    await app.close();
  });
});

describe('config', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:./data/digitafel.sqlite',
      orgName: 'Digitafel',
      publicUrl: undefined,
    });
    expect(c.staticDir).toMatch(/\/dist$/);
    expect(loadConfig({ DIGITAFEL_PUBLIC_URL: 'https://digi.example.be/' }).publicUrl).toBe(
      'https://digi.example.be',
    );
    expect(() => loadConfig({ PORT: 'abc' })).toThrow();
  });
});
