// Names right after "quoted by", "cited by" …: the agency or outlet that carried someone's words. Such a
// name is a source of the words even though no cue has it as its subject.
import type { Token } from '../tokens';
import type { NameCandidate } from './names';
import { isAddresseeWord, MEDIUM_INTRODUCERS } from '../../lexicon/cueVerbs';

const INTRODUCERS = MEDIUM_INTRODUCERS.filter((m) => m !== 'told').map((m) => m.split(' '));
/** Most names follow no introducer at all: a look at the word before settles them at once. */
const LAST_WORDS = new Set(INTRODUCERS.map((words) => words[words.length - 1]));

/** The names a medium introducer stands before: organizations, or names followed or formed by a medium word. */
export function mediaNames(tokens: readonly Token[], names: readonly NameCandidate[]): Set<NameCandidate> {
  const out = new Set<NameCandidate>();
  for (const c of names) {
    let p = c.phraseFirst - 1;
    if (p >= 0 && tokens[p].lower === 'the') p--;
    if (p < 0 || !LAST_WORDS.has(tokens[p].lower)) continue;
    for (const words of INTRODUCERS) {
      let ok = true;
      for (let k = 0; k < words.length; k++) {
        const t = tokens[p - words.length + 1 + k];
        if (!t || t.lower !== words[k]) {
          ok = false;
          break;
        }
      }
      if (ok && (c.kind === 'organization' || isAddresseeWord(tokens[c.end]?.text ?? '') || isAddresseeWord(c.text))) out.add(c);
    }
  }
  return out;
}
