/**
 * The seeds of the generated sessions. The classifier may be tuned on the train seeds (and the
 * scripted sessions) only; the held-out seeds measure it on sessions it was never tuned on, and
 * `npm run bench` reports them apart. A held-out seed whose failure led to a classifier change has
 * been looked at: it moves to train (listed in MOVED_TO_TRAIN) and fresh held-out seeds replace it.
 */
export const TRAIN_SEEDS: readonly number[] = [
  1101, 1102, 1103, 1104, 1105, 1106, 1107, 1108, 1109, 1110,
  1111, 1112, 1113, 1114, 1115, 1116, 1117, 1118, 1119, 1120,
  7202, 7210, 7216, 7221,
];

export const HELD_OUT_SEEDS: readonly number[] = [
  7201, 7203, 7204, 7205, 7206, 7207, 7208, 7209,
  // Added when the classifier's action and window rules changed, so that some held-out sessions
  // were first seen after the change.
  7211, 7212, 7213, 7214, 7215,
  // In place of 7202 and 7210, moved to train.
  7217,
  // In place of 7216, moved to train; first recorded after the changes made for it.
  7218, 7219,
  // First recorded after the fate of AI text was measured on the corpus and fixed (a suggestion
  // sent again in full over its own start), so that held-out fate figures include unseen sessions.
  7220,
  // In place of 7221, moved to train; first recorded after the change made for it and after
  // edits that leave a document unsaved stopped counting as reloads from disk.
  7222, 7223, 7224,
];

/** The record of the moves: seeds that were held out until a fix was made for them. */
export const MOVED_TO_TRAIN: ReadonlyArray<{ readonly seed: number; readonly why: string }> = [
  { seed: 7202, why: 'a tool\'s license header just after an agent created and streamed into the file counted as the agent\'s (stable path)' },
  { seed: 7210, why: 'a tool\'s license header a second after an agent\'s stream in the same file counted as the agent\'s (stable path)' },
  { seed: 7216, why: 'an agent\'s write to a file no editor shows, half a second after a rename\'s edit, counted as the rename\'s; a tool\'s header 0.9 s after an agent\'s fast stream counted as the agent\'s (both paths)' },
  { seed: 7221, why: 'a tool\'s license header at the top, then an agent streaming at the cursor 0.8 s later: the header counted as the agent\'s (stable path)' },
];
