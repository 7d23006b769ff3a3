import { closeEndedPasswordWindows } from '../domain/password-failures.js';
import { purgeExpiredStagedPasswords } from '../domain/staged-passwords.js';
import type { SessionStore } from '../store/sessions.js';
import type { Store } from '../store/store.js';
import type { ScheduledJob } from './scheduler.js';

/**
 * The record's housekeeping: expired conversation state and staged passwords, and the summaries of
 * ended attempt windows.
 */
export function maintenanceJobs(store: Store, sessions: SessionStore): ScheduledJob[] {
  return [
    { name: 'purge-expired-sessions', cron: '*/10 * * * *', run: () => sessions.purgeExpired() },
    {
      name: 'purge-expired-staged-passwords',
      cron: '*/10 * * * *',
      run: () => purgeExpiredStagedPasswords(store),
    },
    {
      name: 'close-password-failure-windows',
      cron: '*/5 * * * *',
      run: () => closeEndedPasswordWindows(store),
    },
  ];
}
