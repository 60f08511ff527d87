/** Views that follow the counts live (the status bar, the dashboard's header) update at most four times a second. */
export const LIVE_UPDATE_INTERVAL_MS = 250;
/** The dashboard's charts follow the counts too, but at most every 5 s: a redraw costs more than a number. */
export const LIVE_HISTORY_INTERVAL_MS = 5_000;
