// A transcript label that names a part in the proceedings ("THE CHAIRMAN:", "MODERATOR:") speaks as the person
// the article gave that part before the turn: one whose role ends in that word ("chairman Tom Reed"), or the
// agent of the part's verb ("moderated by Lena Ortiz", "chaired by …"), or for "THE WITNESS" the one who
// testified or was questioned. A part no one was given stays unplaced.
import type { SpeakerLabel } from '../../article/speakerLabels';
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
  if (words.length === 0 || words.length > 3) return null;
  const seen = (e: Entity) => e.kind === 'person' && e.mentions.some((m) => m.start < before);
  // "THE PRIME MINISTER" after "Prime Minister Edwin Stahl": the one whose role ends in the label's words.
  const holders = registry.entities.filter((e) => seen(e) && e.role !== null && roleEndsWith(e.role, words));
  if (holders.length === 1) return holders[0];
  if (holders.length > 1 || words.length !== 1) return null;
  const part = words[0];
  if (part === 'witness') return witness(registry, text.slice(0, before), seen);
  const verb = PART_VERBS[part];
  if (verb === undefined) return null;
  const agent = partAgent(text, before, verb, registry, seen);
  // "INTERVIEWER:", "HOST:" with no agent of the verb: the one journalist the article named before.
  return agent ?? (ASKING_PARTS.has(part) ? soleJournalist(registry, seen) : null);
}

/** Parts played by the one who asks the questions. */
const ASKING_PARTS = new Set(['moderator', 'interviewer', 'host', 'presenter']);
/** Roles of journalists, who ask in an interview or moderate a debate. */
export const JOURNALIST_ROLES =
  /\b(reporter|correspondent|editor|host|presenter|interviewer|journalist|writer|columnist|anchor|moderator)\b/iu;

/** The one person seen so far whose role is a journalist's; null unless exactly one. */
function soleJournalist(registry: SpeakerRegistry, seen: (e: Entity) => boolean): Entity | null {
  const asking = registry.entities.filter((e) => seen(e) && e.role !== null && JOURNALIST_ROLES.test(e.role));
  return asking.length === 1 ? asking[0] : null;
}

/** The latest known agent of the part's verb before the turn ("moderated by Lena Ortiz"), or null. */
function partAgent(text: string, before: number, verb: string, registry: SpeakerRegistry, seen: (e: Entity) => boolean): Entity | null {
  // The latest agent of that verb before the turn.
  const agents = [...text.slice(0, before).matchAll(PART_AGENT)].filter((m) => m[1] === verb);
  const agent = agents[agents.length - 1];
  const person = agent ? agentPerson(registry, agent[2]) : null;
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

/** "moderated by Lena Ortiz", "chaired by Senator Dana Roe": a part's verb and its agent, two to four capitalised words. */
const PART_AGENT = /\b(moderated|chaired|hosted|interviewed|presented) by (\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’-]+){1,3})/gu;

/** The known person an agent names, with or without the title before the name ("Senator Dana Roe"). */
function agentPerson(registry: SpeakerRegistry, agent: string): Entity | null {
  const words = agent.split(' ');
  for (let k = 0; k + 2 <= words.length; k++) {
    const person = registry.find(words.slice(k).join(' '));
    if (person) return person;
  }
  return null;
}

/** Whether `role` ends with the words `tail` (lower case). */
function roleEndsWith(role: string, tail: readonly string[]): boolean {
  const words = role.toLowerCase().trim().split(/\s+/);
  return tail.length <= words.length && tail.every((w, i) => words[words.length - tail.length + i] === w);
}
