// The analyst's decisions about corpus speakers (`.seed-annotator/speakers.json`), as the corpus applies them.

/**
 * `merge`: each list names speakers that are one (any spelling a file uses as the speaker's name).
 * `split`: each entry carves the speaker called `name` (its name or one of its aliases in that file) in the listed
 * `files` out into a corpus speaker of its own — for namesakes. Files are relative to the workspace folder that holds
 * `.seed-annotator/`, with `/` separators. A split is a wall: nothing joins across it, not even a merge.
 */
export interface SpeakerDecisions {
  merge: string[][];
  split: SplitDecision[];
}

export interface SplitDecision {
  name: string;
  files: string[];
}

export const NO_DECISIONS: SpeakerDecisions = { merge: [], split: [] };
