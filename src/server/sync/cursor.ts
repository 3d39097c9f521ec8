// The opaque pull cursor: base64url of `{e: epoch, s: seq}`. A malformed one is 400, one of
// another epoch or below the oldest servable sequence is 410 (the client pulls from the start).
import { z } from '../../shared/zod';
import { HttpError } from '../http/errors';

const cursorShape = z.strictObject({ e: z.number().int().min(0), s: z.number().int().min(0) });
export type Cursor = z.infer<typeof cursorShape>;

/** Encodes a cursor. */
export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

/** Decodes a cursor or throws 400 `invalid_cursor`. */
export function decodeCursor(text: string): Cursor {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error('not base64url');
    return cursorShape.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
  } catch {
    throw new HttpError(400, 'invalid_cursor', 'the cursor is malformed');
  }
}

/** Throws 410 `cursor_expired` when the cursor cannot be served from this sequence state. */
export function checkCursor(
  c: Cursor,
  seq: { epoch: number; min_valid_seq: number; last_seq: number },
): void {
  if (c.e !== seq.epoch || c.s < seq.min_valid_seq || c.s > seq.last_seq) {
    throw new HttpError(410, 'cursor_expired', 'the cursor is too old, pull from the start');
  }
}
