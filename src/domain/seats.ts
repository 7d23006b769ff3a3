import type { Store } from '../store/store.js';
import { SeatLimitError } from './errors.js';

/**
 * Throws SeatLimitError unless `extra` more seats fit under `seatLimit`; with `countReserved` false
 * only active accounts count (a claim turns its own reserved seat into an account). Must run inside
 * the transaction of the change: it holds the seat lock until that transaction ends.
 */
export async function assertSeatAvailable(
  store: Store,
  seatLimit: number | undefined,
  extra: number,
  countReserved = true,
): Promise<void> {
  if (seatLimit === undefined) return;
  const { active, reserved } = await store.invites.lockAndCountSeats();
  const taken = active + (countReserved ? reserved : 0);
  if (taken + extra > seatLimit) throw new SeatLimitError(seatLimit, taken);
}
