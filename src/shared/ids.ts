// Record ids: UUIDv7, made on the device, time-ordered so indexes stay compact.
import { v7 } from 'uuid';

/** A new record id. */
export function newId(): string {
  return v7();
}
