// Fiches on the server: a coordinator writes one (a record of the `fiches` table, with an
// uploaded image), every phone of the organisation pulls it and fetches its image, which is
// served with its type and nosniff; what is not a PNG, JPEG or WebP, or too large, is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/shared/ids';
import { api, startTestServer, testDatabases, type TestServer } from './helpers';

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

describe.each(testDatabases())('fiches on $name', ({ url }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ dbUrl: url });
  });
  afterAll(() => s.close());

  it('stores a fiche with an image that phones pull and fetch', async () => {
    const up = await api(s.app, s.coordinator.token, 'POST', '/fiche-images', {
      type: 'image/png',
      data: PNG_1PX,
    });
    expect(up.statusCode).toBe(201);
    const image = up.json().image;
    expect(image).toMatchObject({ type: 'image/png', size: Buffer.from(PNG_1PX, 'base64').length });
    const id = newId();
    const created = await api(s.app, s.coordinator.token, 'POST', '/records/fiches', {
      record: {
        id,
        texts: {
          nl: { title: 'Bijlage sturen', body: `1. Tik op de paperclip.\n![Paperclip](image:${image.id})` },
        },
        topics: ['email'],
        images: [image],
      },
    });
    expect(created.statusCode).toBe(201);

    const pulled = await api(s.app, s.volunteer.token, 'GET', '/sync/pull?limit=500');
    const change = pulled.json().changes.find((c: { table: string; id: string }) => c.table === 'fiches');
    expect(change).toMatchObject({ id, record: { topics: ['email'], images: [image] } });

    const got = await api(s.app, s.volunteer.token, 'GET', `/fiche-images/${image.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(Buffer.from(PNG_1PX, 'base64'))).toBe(true);
  });

  it('refuses what is not the image it says, an SVG, and images over 400 KB', async () => {
    const post = (body: unknown) => api(s.app, s.coordinator.token, 'POST', '/fiche-images', body);
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    expect((await post({ type: 'image/png', data: html })).statusCode).toBe(400);
    expect((await post({ type: 'image/jpeg', data: PNG_1PX })).statusCode).toBe(400);
    expect((await post({ type: 'image/svg+xml', data: html })).statusCode).toBe(400);
    const big = Buffer.alloc(400 * 1024 + 1);
    Buffer.from(PNG_1PX, 'base64').copy(big);
    const res = await post({ type: 'image/png', data: big.toString('base64') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(
      (await api(s.app, s.volunteer.token, 'POST', '/fiche-images', { type: 'image/png', data: PNG_1PX }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses a fiche without a title', async () => {
    const res = await api(s.app, s.coordinator.token, 'POST', '/records/fiches', {
      record: { texts: {}, topics: [] },
    });
    expect(res.statusCode).toBe(400);
  });
});
