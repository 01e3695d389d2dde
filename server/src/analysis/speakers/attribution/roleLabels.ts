// A transcript label that names a part in the proceedings ("THE CHAIRMAN:", "MODERATOR:") speaks as the person
// the article gave that part before the turn: one whose role ends in that word ("chairman Tom Reed"), or the
// agent of the part's verb ("moderated by Lena Ortiz", "chaired by …"), or for "THE WITNESS" the one who
// testified or was questioned. A part no one was given stays unplaced.
import type { SpeakerLabel } from '../../quotes/labels';
import type { Entity, SpeakerRegistry } from '../resolution/registry';

/** The verb whose agent plays each part ("moderated by X" makes X the moderator). */
const PART_VERBS: Readonly<Record<string, string>> = {
  moderator: 'moderated',
  chairman: 'chaired',
  chairwoman: 'chaired',
  chairperson: 'chaired',
  chair: 'chaired',
  host: 'hosted',
  interviewer: 'interviewed',
  presenter: 'presented',
};

/** The person a one-word part label ("THE CHAIRMAN") stands for, seen before `before` (UTF-16); null if none. */
export function roleLabelSpeaker(label: SpeakerLabel, text: string, before: number, registry: SpeakerRegistry): Entity | null {
  const words = label.name
    .toLowerCase()
    .split(' ')
    .filter((w) => w.length > 0 && w !== 'the');
  if (words.length !== 1) return null;
  const part = words[0];
  const seen = (e: Entity) => e.kind === 'person' && e.mentions.some((m) => m.start < before);
  const holders = registry.entities.filter((e) => seen(e) && e.role !== null && lastWord(e.role) === part);
  if (holders.length === 1) return holders[0];
  if (holders.length > 1) return null;
  if (part === 'witness') return witness(registry, text.slice(0, before), seen);
  const verb = PART_VERBS[part];
  if (verb === undefined) return null;
  // The latest agent of that verb before the turn.
  const agents = [...text.slice(0, before).matchAll(PART_AGENT)].filter((m) => m[1] === verb);
  const agent = agents[agents.length - 1];
  const person = agent ? registry.find(agent[2]) : null;
  return person && seen(person) ? person : null;
}

/** "Petra Lind, the site manager, testified": the witness of a hearing, named before the transcript. */
const WITNESS_VERBS = /\b(?:testified|was questioned|was cross-examined|took the stand|gave evidence)\b/gu;

/** The person last said to testify in `text`, if already seen; else null. */
function witness(registry: SpeakerRegistry, text: string, seen: (e: Entity) => boolean): Entity | null {
  const verbs = [...text.matchAll(WITNESS_VERBS)];
  for (let k = verbs.length - 1; k >= 0; k--) {
    let before = text.slice(Math.max(0, verbs[k].index - 160), verbs[k].index).trimEnd();
    // "Petra Lind, the former site manager, testified": past the aside to the name.
    if (before.endsWith(',')) before = before.slice(0, Math.max(0, before.lastIndexOf(',', before.length - 2)));
    const person = trailingPerson(registry, before);
    if (person && seen(person)) return person;
  }
  return null;
}

/** The known person whose name of three or two capitalised words ends `text` ("… on Friday Petra Lind"). */
function trailingPerson(registry: SpeakerRegistry, text: string): Entity | null {
  const words = text.split(/\s+/).slice(-3);
  for (let n = words.length; n >= 2; n--) {
    const name = words.slice(-n);
    if (!name.every((w) => /^\p{Lu}[\p{L}'’-]+$/u.test(w))) continue;
    const person = registry.find(name.join(' '));
    if (person) return person;
  }
  return null;
}

/** "moderated by Lena Ortiz": a part's verb and its agent, a name of two or three capitalised words. */
const PART_AGENT = /\b(moderated|chaired|hosted|interviewed|presented) by (\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,2})/gu;

function lastWord(phrase: string): string {
  const words = phrase.toLowerCase().trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}
