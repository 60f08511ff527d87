/** Views that follow the counts live (the status bar, the open dashboard) update at most four times a second. */
export const LIVE_UPDATE_INTERVAL_MS = 250;
