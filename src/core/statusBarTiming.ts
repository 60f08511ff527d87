/** The status bar updates at most four times a second, whatever the typing speed. */
export const STATUS_BAR_INTERVAL_MS = 250;
