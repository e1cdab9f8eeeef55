// App-wide sync status for the top-bar pill and the sync dialog. The pill
// polls it; the dialog refreshes it after its own calls.
import { syncApi, type SyncStatus } from '../api';

export const SYNC_POLL_MS = 10000;

export const syncState = $state<{ status: SyncStatus | null; error: unknown }>({ status: null, error: null });

export async function refreshSync(): Promise<SyncStatus | null> {
  try {
    syncState.status = await syncApi.status();
    syncState.error = null;
  } catch (e) {
    syncState.error = e;
  }
  return syncState.status;
}

export function setSyncStatus(s: SyncStatus): void {
  syncState.status = s;
  syncState.error = null;
}
