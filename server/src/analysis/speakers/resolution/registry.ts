// Keeps the speaker entities of one article and decides which entity a name, a description or a pronoun
// refers to: full names and surnames merge ("Sergei Lavrov" / "Lavrov"), two people with one surname stay
// apart by first name or title, "the ministry" finds the ministry already named, and "he"/"she"/"they"
// find the most recent compatible speaker.
import type { Mention, MentionForm, SpeakerKind, Span } from '../../types';
import type { Gender } from '../../lexicon/givenNames';
import type { NameCandidate } from '../mentions/names';
import type { Description } from '../mentions/descriptions';
import type { PronounKind } from '../mentions/descriptions';
import { isRoleHead, titleGender } from '../../lexicon/roles';
import { isNationality, isOrganizationHead, isPlace } from '../../lexicon/gazetteer';
import { NAME_PARTICLES } from '../../lexicon/functionWords';
import { fitsNamedKind, institutionFirstWord, institutionNamedFirst, isNamedKindNoun } from './institutionKinds';
import { editorialBoardOwner, isTheEditors, voiceOwner } from './editorialBoards';
import { MORE_INSTITUTION_KINDS } from '../../lexicon/sourceNouns';

export interface Entity {
  key: number;
  name: string;
  kind: SpeakerKind;
  role: string | null;
  gender: Gender | null;
  /** Lower-cased words of the fullest name (empty for descriptions). */
  words: string[];
  /** Lower-cased head noun for descriptions ("ministry", "source"). */
  head: string | null;
  plural: boolean;
  mentions: Mention[];
  /** Position (UTF-16) of the latest mention seen so far, for recency. */
  lastSeen: number;
  /** The position `lastSeen` had before its latest move. */
  lastSeenBefore: number;
  mentionStarts: MentionStarts;
  /** Quoted, cited or titled: listed as a speaker. Other people are kept only as pronoun antecedents. */
  isSource: boolean;
  /** Words a definite description may match, computed on demand. */
  known: Set<string> | null;
  /**
   * Named by words the name reader could not place ("Halvorsen Freight raised …"): kept as a person for a later
   * "he", but a later "the bank said" shows it is an institution.
   */
  unsure: boolean;
  /** Names it goes by that no mention spells out alone ("Brisa Air" for "Brisa Air’s spokeswoman"). */
  otherNames?: string[];
  /** Already called by the surname alone: of two people sharing a surname, the one the article calls so. */
  calledBySurname?: boolean;
}

export class SpeakerRegistry {
  readonly entities: Entity[] = [];
  private readonly byName = new Map<string, Entity[]>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byHead = new Map<string, Entity[]>();
  /**
   * Entities by the first word of a name of two or more words, in the order they were added (a renamed entity is
   * filed under its new word too; the lookup checks the name it has now).
   */
  private readonly byFirstWord = new Map<string, Entity[]>();
  /** People named with two or more words, by their first (given) name. */
  private readonly byGivenName = new Map<string, Entity[]>();
  /** Subjects of clauses in reading order, for pronouns to prefer. */
  private readonly subjects: { entity: Entity; at: number }[] = [];
  /** The entity each description resolved to, by where the description starts. */
  private readonly byDescriptionStart = new Map<number, Entity>();
  /** Every mentioned entity, latest mention first. */
  private readonly recent = new RecencyList();
  /** Institutions named but not (yet) entities ("the board of the Harlow City Museum"), in reading order. */
  private readonly institutionNames: NameCandidate[] = [];

  /** The entity a personal or organization name refers to, created when `create` and none exists. */
  fromName(candidate: NameCandidate, kind: SpeakerKind, create: boolean): Entity | null {
    const full = candidate.words.length === 1 ? candidate.words[0] : candidate.words.join(' ');
    const surname = candidate.words[candidate.words.length - 1];
    let entity: Entity | null = null;
    const exact = this.byName.get(full);
    if (exact && exact.length > 0) entity = pickRecent(exact, candidate.gender, candidate.role?.text ?? null);
    else if (kind === 'person' && countNonParticles(candidate.words) === 1) {
      // "Lavrov", "Mr Lavrov", "von der Leyen": a surname on its own.
      entity = pickBySurname(
        (this.bySurname.get(surname) ?? []).filter((e) => e.kind === 'person'),
        candidate.gender,
        candidate.role?.text ?? null,
      );
      // "Halvard Logistics cut jobs … Halvard tweeted": an unknown word that opens an institution's name is it.
      if (!entity && candidate.kind === 'unknown')
        entity = institutionNamedFirst(this.byFirstWord.get(candidate.words[0]) ?? [], candidate.words[0]);
      // "Her daughter, Kate Haverkamp Moreno … Kate said": family members share a surname, so reporting calls
      // them by given name; only when one person of the article has that given name.
      entity ??= onlyOne(this.byGivenName.get(surname) ?? [], candidate.gender);
    } else if (kind === 'person') {
      // A fuller name for someone so far known by surname only ("President Putin" … "Vladimir Putin").
      const namesakes = (this.bySurname.get(surname) ?? []).filter((e) => e.kind === 'person' && e.words.length === 1);
      if (namesakes.length > 0) {
        entity = namesakes[namesakes.length - 1];
        entity.words = candidate.words;
        entity.name = candidate.text;
        this.index(entity);
      }
    }
    const form: MentionForm = entity && kind === 'person' && candidate.words.length < entity.words.length ? 'surname' : 'name';
    if (entity && form === 'surname' && entity.words[entity.words.length - 1] === surname) entity.calledBySurname = true;
    if (!entity) {
      if (!create) return null;
      entity = this.add({
        name: candidate.text,
        kind,
        role: candidate.role?.text ?? null,
        gender: candidate.gender,
        words: candidate.words,
        head: kind === 'organization' ? candidate.descriptor : null,
        plural: false,
      });
      entity.unsure = kind === 'person' && candidate.kind === 'unknown';
    }
    if (!entity.role && candidate.role) {
      entity.role = candidate.role.text;
      this.indexHeads(entity);
    }
    if (!entity.gender && candidate.gender) entity.gender = candidate.gender;
    if (candidate.kind !== 'unknown' || entity.role || entity.gender) entity.unsure = false;
    this.mentionAt(entity, candidate.start, candidate.stop, candidate.text, form);
    return entity;
  }

  /** The entity a description stands for: an earlier one for "the ministry"/"the source", else a new one. */
  fromDescription(d: Description, recentSince = Infinity): Entity | null {
    // Two cues of one subject ("A senior official, speaking on condition of anonymity, said") ask twice.
    const asked = this.byDescriptionStart.get(d.start);
    if (asked) return asked;
    const entity = this.resolveDescription(d, recentSince);
    if (entity) this.byDescriptionStart.set(d.start, entity);
    return entity;
  }

  private resolveDescription(d: Description, recentSince: number): Entity | null {
    const span = { start: d.start, end: d.stop, text: d.text };
    // "the 59-year-old said": the person last spoken of, like a pronoun.
    if (d.head === 'year-old') return d.definite ? this.fromPronoun('person', span, 'description') : null;
    const board = editorialBoardOwner(d);
    if (board || isTheEditors(d)) {
      const paper = !board || board.kind === 'pronoun' ? this.recentInstitution(span.start, 'paper') : this.newspaperNamed(board.name);
      if (paper) {
        this.mention(paper, span, 'description');
        return paper;
      }
    }
    if (d.definite) {
      const earlier = this.definiteReferent(d);
      if (earlier) {
        const form: MentionForm = d.headKind === 'people' && earlier.kind === 'person' ? 'title' : 'description';
        this.mention(earlier, span, form);
        return earlier;
      }
    }
    // "the minister", "the top Russian diplomat": a definite title is an epithet for a person just written
    // about (a new person is introduced with "a"), if one was mentioned in this or the last paragraph.
    // An owner written before the title ("the ministry's spokeswoman") says who is meant: no epithet then.
    // "Her deputy", "his lawyer": a role owned by someone is another person than that someone.
    if (
      d.definite &&
      !d.possessive &&
      !OWNED_BY_PRONOUN.test(d.text) &&
      d.headKind === 'people' &&
      (isRoleHead(d.head) || PARTY_MEMBER_HEADS.has(d.head)) &&
      !ANONYMOUS_HEADS.has(d.head)
    ) {
      const person = INTERVIEWER_HEADS.has(d.head)
        ? this.recentHolder(recentSince, span.start, d.head)
        : (this.recentPerson(recentSince, span.start, gendered(d.head)) ??
          this.personOfNationality(d, span.start) ??
          this.recentHolder(0, span.start, d.head));
      if (person) {
        this.mention(person, span, 'title');
        return person;
      }
    }
    // Capitalised words a named institution must share ("The State Department" is not the Justice Department).
    const proper = properWords(d);
    // "the agency", "the bank", "the company", "the court": a noun for an institution takes up the one last
    // named ("Nordhavn Capital cut its outlook … The bank said"), unless that one's name says it is another
    // kind of institution (the Interior Ministry is no bank).
    if (d.definite && !d.plural && isInstitutionNoun(d.head)) {
      const institution = this.recentInstitution(span.start, d.head, proper);
      if (institution) {
        this.mention(institution, span, 'description');
        return institution;
      }
    }
    // "the Harlow City Museum … the museum said": an institution's own last word taken up with "the".
    if (d.definite && !d.plural && !d.possessive && d.headKind === 'organization') {
      const named = this.recentNamedFor(span.start, d.head, proper);
      if (named) {
        this.mention(named, span, 'description');
        return named;
      }
    }
    const kind: SpeakerKind = d.headKind === 'organization' ? 'organization' : 'anonymous';
    const entity = this.add({
      name: d.text,
      kind,
      role: null,
      gender: null,
      words: [],
      head: d.head,
      plural: d.plural,
    });
    this.mention(entity, span, 'description');
    // "The Harbor Ledger's editorial board wrote": the paper first named here is the board's other name.
    // "The Evening Gazette's critic wrote": the paper (or the company a spokesperson speaks for) is another name.
    const owner = board?.kind === 'named' ? board.name : voiceOwner(d);
    if (owner !== null) entity.otherNames = [owner];
    return entity;
  }

  /**
   * "Several residents said … “…,” one of them said": the unnamed group described most recently, since
   * `since` (the previous paragraph), that "them" takes up; null when none.
   */
  fromGroupMember(span: Span, since: number): Entity | null {
    for (let e = this.recent.newest(); e !== null; e = this.recent.olderThan(e)) {
      if (e.lastSeen >= span.start) continue;
      if (e.lastSeen < since) return null;
      // Only a group that spoke ("Several drivers said …"); a crowd merely described leaves "one" its own source.
      if (e.kind === 'anonymous' && e.plural && e.isSource) {
        this.mention(e, span, 'pronoun');
        return e;
      }
    }
    return null;
  }

  /** The most recent speaker a pronoun can refer to, or null. */
  fromPronoun(kind: PronounKind, span: Span, form: MentionForm = 'pronoun', subjectSince = Infinity): Entity | null {
    let best: Entity | null = null;
    let bestSeen = -1;
    // A one-word name known only as a sentence's subject ("Covid cut demand") is a guess: the pronoun takes
    // it up only when no one surer fits.
    let guess: Entity | null = null;
    // Most recent first, so the walk usually stops after a step or two.
    for (let e = this.recent.newest(); e !== null; e = this.recent.olderThan(e)) {
      // The same pronoun may be asked twice (two cues share one subject): its own mention does not count.
      const seen = e.lastSeen === span.start && e.mentionStarts.has(span.start) ? e.lastSeenBefore : e.lastSeen;
      if (seen >= span.start || !compatible(e, kind)) continue;
      if (isGuess(e)) {
        guess ??= e;
        continue;
      }
      if (!best || seen > bestSeen) {
        best = e;
        bestSeen = seen;
      }
      if (e.lastSeen < span.start) break;
    }
    // "Brandt, speaking after talks with Lenz, said … “…,” he said": a pronoun continues the subject of the
    // sentence before it (or of its own) rather than a person only named inside it, when the subject fits as well.
    const subject = this.recentSubject(kind, span.start, subjectSince);
    if (subject && best && subject !== best && (subject.gender !== null || best.gender === null)) best = subject;
    best ??= guess;
    if (best) {
      if (kind === 'thing' && isUnsureOneWord(best)) {
        best.kind = 'organization';
        best.unsure = false;
      }
      // "she" settles the gender of someone whose given name we did not know.
      if (best.kind === 'person' && best.gender === null && (kind === 'male' || kind === 'female')) best.gender = kind;
      this.mention(best, span, form);
    }
    return best;
  }

  /**
   * "the Russian leader" long after "Russian President Vladimir Putin": the latest person whose role carries the
   * nationality of the title and fits its head ("leader" fits any head of state or government).
   */
  private personOfNationality(d: Description, before: number): Entity | null {
    const nationalities = d.modifiers.filter(isNationality);
    if (nationalities.length === 0) return null;
    for (let e = this.recent.newest(); e !== null; e = this.recent.olderThan(e)) {
      if (e.lastSeen >= before || e.kind !== 'person' || !e.role) continue;
      const role = e.role.toLowerCase().split(/[\s’']+/);
      if (!nationalities.every((n) => role.includes(n))) continue;
      if (role.includes(d.head) || (d.head === 'leader' && role.some((w) => LEADER_TITLES.has(w)))) return e;
    }
    return null;
  }

  /** Records that `entity` is the subject of a clause at `at` (a cue's subject or a sentence's first name). */
  noteSubject(entity: Entity, at: number): void {
    const last = this.subjects[this.subjects.length - 1];
    if (last && last.entity === entity && last.at === at) return;
    this.subjects.push({ entity, at });
  }

  /** The latest subject noted in [since, before) that a pronoun of `kind` can refer to. */
  private recentSubject(kind: PronounKind, before: number, since: number): Entity | null {
    for (let k = this.subjects.length - 1; k >= 0; k--) {
      const { entity, at } = this.subjects[k];
      if (at >= before) continue;
      if (at < since) return null;
      if (compatible(entity, kind) && !isGuess(entity)) return entity;
    }
    return null;
  }

  /**
   * The institution mentioned most recently before `before` that `noun` can stand for, or null. A name of
   * unsure kind taken up this way becomes an organization: no one calls a person "the bank".
   */
  private recentInstitution(before: number, noun: string, proper: readonly string[] = []): Entity | null {
    const known = this.recentKnownInstitution(before, noun, proper);
    // "The Ledger first reported the payments … the paper said": an institution named since, that made no entity
    // because it had not spoken, is nearer than any speaker met before it.
    const named = this.institutionNamedSince(
      known?.lastSeen ?? -1,
      before,
      (c) => fitsInstitutionNoun({ name: c.text, words: c.words, head: c.descriptor }, noun) && hasAll(c.words, proper),
    );
    return named ?? known;
  }

  private recentKnownInstitution(before: number, noun: string, proper: readonly string[]): Entity | null {
    for (let e = this.recent.newest(); e !== null; e = this.recent.olderThan(e)) {
      if (e.lastSeen >= before || e.plural || !hasAll(e.words, proper)) continue;
      if (e.kind === 'organization' && fitsInstitutionNoun(e, noun)) return e;
      if (e.kind === 'person' && e.unsure && !e.role && !e.gender && fitsInstitutionNoun(e, noun)) {
        e.kind = 'organization';
        e.unsure = false;
        return e;
      }
    }
    return null;
  }

  /** The organization named before `before` most recently whose name ends in `head` ("… City Museum" for "museum"). */
  private recentNamedFor(before: number, head: string, proper: readonly string[] = []): Entity | null {
    const known = this.recentKnownNamedFor(before, head, proper);
    // An institution named since that made no entity is nearer ("the Justice Department said … The State
    // Department issued a warning … the department said").
    const named = this.institutionNamedSince(
      known?.lastSeen ?? -1,
      before,
      (c) => c.words.length >= 2 && c.words[c.words.length - 1] === head && hasAll(c.words, proper),
    );
    return named ?? known;
  }

  /** The latest institution name in (since, before) that made no entity and `fits`, made an entity now; or null. */
  private institutionNamedSince(since: number, before: number, fits: (c: NameCandidate) => boolean): Entity | null {
    for (let k = this.institutionNames.length - 1; k >= 0; k--) {
      const c = this.institutionNames[k];
      if (c.start <= since) return null;
      if (c.start < before && fits(c)) return this.fromName(c, 'organization', true);
    }
    return null;
  }

  private recentKnownNamedFor(before: number, head: string, proper: readonly string[]): Entity | null {
    for (let e = this.recent.newest(); e !== null; e = this.recent.olderThan(e)) {
      if (e.lastSeen >= before || e.plural || !hasAll(e.words, proper)) continue;
      const words = e.name.toLowerCase().split(/\s+/);
      if (words.length < 2 || words[words.length - 1] !== head) continue;
      if (e.kind === 'organization') return e;
      // A name the reader could not place ("Harlow City Museum" after "the board of") is the institution.
      if (e.kind === 'person' && e.unsure && !e.role && !e.gender) {
        e.kind = 'organization';
        e.unsure = false;
        return e;
      }
    }
    return null;
  }

  /** An institution's name that made no entity: "the museum" may take it up later (`recentNamedFor`). */
  noteInstitutionName(c: NameCandidate): void {
    this.institutionNames.push(c);
  }

  /** The latest person in [since, before) whose stated role holds `head` ("CNN host Dana Roe" for "the host"). */
  private recentHolder(since: number, before: number, head: string): Entity | null {
    for (let e = this.recent.newest(); e !== null; e = this.recent.olderThan(e)) {
      if (e.lastSeen >= before) continue;
      if (e.lastSeen < since) return null;
      if (e.kind === 'person' && e.role !== null && holdsTitle(e.role, head)) return e;
    }
    return null;
  }

  /** The person mentioned most recently between `since` and `before`, agreeing with `gender` when given. */
  private recentPerson(since: number, before: number, gender: Gender | null): Entity | null {
    for (let e = this.recent.newest(); e !== null; e = this.recent.olderThan(e)) {
      if (e.lastSeen >= before) continue;
      if (e.lastSeen < since) return null;
      // "the senator replied" after "host Dana Roe": whoever asks the questions is not the guest's title.
      if (e.role !== null && asksTheQuestions(e.role)) continue;
      if (e.kind === 'person' && (gender === null || e.gender !== (gender === 'male' ? 'female' : 'male'))) return e;
    }
    return null;
  }

  /** Records that `entity` was mentioned at `span` (and moves its recency there when later). */
  mention(entity: Entity, span: Span, form: MentionForm): void {
    this.mentionAt(entity, span.start, span.end, span.text, form);
  }

  /** `mention` for a span given by its parts (no span object made for a mention already recorded). */
  private mentionAt(entity: Entity, start: number, end: number, text: string, form: MentionForm): void {
    // `lastSeen` is the latest start recorded: a start after it (the usual case, mentions come in reading order)
    // cannot be recorded yet, so only an earlier one is looked up.
    if (start <= entity.lastSeen && entity.mentionStarts.has(start)) return;
    entity.mentionStarts.add(start);
    entity.mentions.push({ start, end, text, form });
    if (start > entity.lastSeen) {
      entity.lastSeenBefore = entity.lastSeen;
      entity.lastSeen = start;
      this.moveToFront(entity);
    }
  }

  /** A person or organization named `name` (case-insensitive), or one of its other forms. */
  /** The institution already known by this name ("Merrow Gazette" finds "The Merrow Gazette" too), else null. */
  private newspaperNamed(name: string): Entity | null {
    const known = this.find(name) ?? this.find(`the ${name}`);
    return known?.kind === 'organization' ? known : null;
  }

  find(name: string): Entity | null {
    const lower = name.toLowerCase().trim();
    for (const e of this.entities) {
      if (e.name.toLowerCase() === lower || e.mentions.some((m) => m.form !== 'pronoun' && m.text.toLowerCase() === lower)) return e;
    }
    return null;
  }

  /** Keeps `recent` ordered by latest mention (mentions arrive in reading order, so this is move-to-front). */
  private moveToFront(entity: Entity): void {
    this.recent.touch(entity);
  }

  add(
    fields: Omit<Entity, 'key' | 'mentions' | 'lastSeen' | 'lastSeenBefore' | 'mentionStarts' | 'known' | 'isSource' | 'unsure'>,
  ): Entity {
    // Spelled out, not spread: a spread object of this many fields is built slowly and read through a slow shape.
    const entity: Entity = {
      name: fields.name,
      kind: fields.kind,
      role: fields.role,
      gender: fields.gender,
      words: fields.words,
      head: fields.head,
      plural: fields.plural,
      key: this.entities.length,
      mentions: [],
      lastSeen: -1,
      lastSeenBefore: -1,
      mentionStarts: new MentionStarts(),
      known: null,
      isSource: false,
      unsure: false,
    };
    this.entities.push(entity);
    this.index(entity);
    return entity;
  }

  /** Files the entity under every head noun a definite description could use for it ("ministry", "minister"). */
  private indexHeads(entity: Entity): void {
    entity.known = null;
    const heads = new Set<string>();
    if (entity.head) heads.add(spelling(entity.head));
    for (const w of [...entity.words, ...(entity.role ?? '').toLowerCase().split(/\s+/)]) if (w) heads.add(spelling(w));
    for (const h of heads) push(this.byHead, h, entity);
  }

  private index(entity: Entity): void {
    this.indexHeads(entity);
    const firstWord = institutionFirstWord(entity.name);
    if (firstWord !== null) insertByKey(this.byFirstWord, firstWord, entity);
    if (entity.words.length === 0) return;
    push(this.byName, entity.words.join(' '), entity);
    if (entity.kind === 'person') push(this.bySurname, entity.words[entity.words.length - 1], entity);
    if (entity.kind === 'person' && entity.words.length >= 2) push(this.byGivenName, entity.words[0], entity);
  }

  private definiteReferent(d: Description): Entity | null {
    let best: Entity | null = null;
    // Spelled once here, not once per entity tried.
    const spelled = { ...d, head: spelling(d.head), modifiers: d.modifiers.map(spelling) };
    for (const e of this.byHead.get(spelled.head) ?? []) {
      if (!refersTo(e, spelled)) continue;
      if (!best || e.lastSeen > best.lastSeen) best = e;
    }
    return best;
  }
}

/** A description opened by a possessive pronoun ("her deputy", "their lawyer"). */
const OWNED_BY_PRONOUN = /^(?:his|her|their|its)\s/iu;

/**
 * Who asks the questions in an interview or debate: "the host pressed" is not the guest just named, only someone
 * the text gave that role.
 */
const INTERVIEWER_HEADS = new Set(['host', 'anchor', 'moderator', 'interviewer', 'presenter']);

/** Abbreviated titles as US reporting writes them before a name ("Sen. Roe" holds "the senator"). */
const TITLE_ABBREVIATED: Readonly<Record<string, string>> = { sen: 'senator', rep: 'representative', gov: 'governor', gen: 'general' };

/** A stated role holds the title `head`: "CNN host" holds "host", "Sen." holds "senator". */
/** The role as written holds the title `head` ("Gov." holds "governor"). */
export function holdsTitle(role: string, head: string): boolean {
  return roleWords(role).some((word) => {
    const w = word.replace(/[.,]+$/u, '');
    return w === head || TITLE_ABBREVIATED[w] === head;
  });
}

function asksTheQuestions(role: string): boolean {
  return roleWords(role).some((w) => INTERVIEWER_HEADS.has(w));
}

/** "the Ohio Republican", "the Democrat": a party member named by party is an epithet for a person just written about. */
const PARTY_MEMBER_HEADS = new Set(['republican', 'democrat']);

/** Heads that name unnamed sources rather than titles of a known person ("the official", "the source"). */
const ANONYMOUS_HEADS = new Set([
  'official',
  'source',
  'analyst',
  'expert',
  'economist',
  'researcher',
  'activist',
  'member',
  'officer',
  'resident',
  'lawyer',
  'diplomat-source',
]);

/** Nouns for a business: any of them can take up another ("carmaker Autowerk" … "the company said"). */
const COMPANY_NOUNS = new Set([
  'company',
  'firm',
  'group',
  'carmaker',
  'automaker',
  'maker',
  'manufacturer',
  'producer',
  'retailer',
  'insurer',
  'lender',
  'bank',
  'airline',
  'carrier',
  'giant',
  'conglomerate',
  'startup',
  'start-up',
  'operator',
  'supplier',
  'provider',
  'developer',
  'miner',
  'publisher',
  'chain',
  'brand',
  'corporation',
]);

/** Titles of those a reporter may call "the … leader". */
const LEADER_TITLES = new Set([
  'president',
  'premier',
  'chancellor',
  'prime',
  'king',
  'queen',
  'emir',
  'sultan',
  'leader',
  'chairman',
  'head',
]);

/** Nouns for any kind of institution: they take up whichever organization was last named. */
const GENERIC_INSTITUTION_NOUNS = new Set([
  'agency',
  'organisation',
  'organization',
  'body',
  'institution',
  'group',
  'watchdog',
  'charity',
  'programme',
  'program',
]);

/**
 * Nouns for one kind of institution, with the head words of names that kind may carry: "the court" takes up
 * a tribunal, "the regulator" an authority, but neither a ministry.
 */
const KIND_NOUNS: ReadonlyMap<string, readonly string[]> = new Map([
  ['fund', ['fund', 'foundation']],
  ['union', ['union', 'federation', 'confederation', 'association']],
  ['party', ['party', 'movement', 'alliance', 'coalition']],
  ['court', ['court', 'tribunal']],
  ['regulator', ['regulator', 'authority', 'authorities', 'commission', 'watchdog', 'agency', 'board', 'bureau', 'office', 'service']],
  ...MORE_INSTITUTION_KINDS,
]);

function isInstitutionNoun(noun: string): boolean {
  return GENERIC_INSTITUTION_NOUNS.has(noun) || COMPANY_NOUNS.has(noun) || KIND_NOUNS.has(noun) || isNamedKindNoun(noun);
}

/** Whether "the `noun`" can stand for the institution `e`: a state never; a business or a plain name for a company noun. */
function fitsInstitutionNoun(e: Pick<Entity, 'name' | 'words' | 'head'>, noun: string): boolean {
  const name = e.name.replace(/^the\s+/i, '');
  if (isPlace(name)) return false;
  if (isNamedKindNoun(noun)) return fitsNamedKind(noun, [...e.words, ...name.toLowerCase().split(/[\s’']+/)], e.head);
  if (GENERIC_INSTITUTION_NOUNS.has(noun)) return true;
  if (COMPANY_NOUNS.has(noun) && isCompany(e)) return true;
  // A name with no institution word in it ("Nordhavn Capital", "Unite") may be any kind; one with such a word
  // must carry a word of this kind ("the Supreme Court" for "the court").
  const kin = KIND_NOUNS.get(noun) ?? [noun];
  const heads = [...e.words, ...name.toLowerCase().split(/[\s’']+/), ...(e.head ? [e.head] : [])].filter((w) => isOrganizationHead(w));
  return heads.length === 0 || heads.some((w) => kin.includes(w));
}

/** Words that end a company's name ("Nordhavn Shipping Ltd", "Brenner AG"). */
const COMPANY_SUFFIXES = new Set([
  'inc',
  'ltd',
  'plc',
  'corp',
  'corporation',
  'co',
  'llc',
  'ag',
  'gmbh',
  'sa',
  'nv',
  'bv',
  'spa',
  'ab',
  'asa',
  'oyj',
  'group',
  'holdings',
  'company',
  'airlines',
  'airways',
  'motors',
  'bank',
]);

/** An organization a company noun can refer to: named with a company noun or a company suffix. */
function isCompany(e: Pick<Entity, 'words' | 'head'>): boolean {
  return (e.head !== null && COMPANY_NOUNS.has(e.head)) || e.words.some((w) => COMPANY_SUFFIXES.has(w));
}

/**
 * The capitalised words of a description besides its head and nationalities ("state" in "The State Department"):
 * the name of one institution, so it can take up only a name that has them (not "the Justice Department").
 */
function properWords(d: Description): string[] {
  const words = d.text.split(/\s+/).slice(1);
  const out: string[] = [];
  for (const w of words) {
    const lower = w.toLowerCase();
    if (/^\p{Lu}/u.test(w) && lower !== d.head && !isNationality(lower)) out.push(lower);
  }
  return out;
}

function hasAll(words: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((w) => words.includes(w));
}

function gendered(head: string): Gender | null {
  return titleGender(head);
}

function push(map: Map<string, Entity[]>, key: string, entity: Entity): void {
  const list = map.get(key);
  if (!list) map.set(key, [entity]);
  else if (!list.includes(entity)) list.push(entity);
}

/**
 * Where an entity's mentions start, as a sorted array: mentions come in reading order, so recording one is
 * nearly always a push onto the end and looking one up a binary search, with no hash table per entity (the
 * busiest speakers of a long article have thousands of mentions).
 */
export class MentionStarts {
  private readonly starts: number[] = [];

  has(start: number): boolean {
    const at = this.lowerBound(start);
    return at < this.starts.length && this.starts[at] === start;
  }

  add(start: number): void {
    const n = this.starts.length;
    if (n === 0 || start > this.starts[n - 1]) {
      this.starts.push(start);
      return;
    }
    const at = this.lowerBound(start);
    if (this.starts[at] !== start) this.starts.splice(at, 0, start);
  }

  /** The first index whose start is at or after `start`. */
  private lowerBound(start: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Files `entity` under `key`, keeping each list in the order the entities were added (by `key`). */
function insertByKey(map: Map<string, Entity[]>, key: string, entity: Entity): void {
  const list = map.get(key);
  if (!list) {
    map.set(key, [entity]);
    return;
  }
  if (list.includes(entity)) return;
  let at = list.length;
  while (at > 0 && list[at - 1].key > entity.key) at--;
  list.splice(at, 0, entity);
}

/**
 * Entities ordered by their latest mention, newest first, as a linked list: a mention moves its entity to the
 * front in constant time (mentions arrive in reading order), so long articles stay linear.
 */
class RecencyList {
  private head: Entity | null = null;
  /** By entity key: the entity mentioned next after it, null for the newest, undefined while it is not listed. */
  private readonly newer: (Entity | null | undefined)[] = [];
  /** By entity key: the entity mentioned next before it, null for the oldest. */
  private readonly older: (Entity | null | undefined)[] = [];

  touch(entity: Entity): void {
    if (this.head === entity) return;
    if (this.newer[entity.key] !== undefined) this.unlink(entity);
    // Walk past any entity mentioned later (a rare out-of-order mention), then insert.
    let before: Entity | null = null;
    let at = this.head;
    while (at !== null && at.lastSeen > entity.lastSeen) {
      before = at;
      at = this.older[at.key] ?? null;
    }
    this.newer[entity.key] = before;
    this.older[entity.key] = at;
    if (at) this.newer[at.key] = entity;
    if (before) this.older[before.key] = entity;
    else this.head = entity;
  }

  /** The entity mentioned last, or null when none is listed; walk on with `olderThan` (no iterator objects). */
  newest(): Entity | null {
    return this.head;
  }

  /** The listed entity mentioned last before `e`'s latest mention, or null after the oldest. */
  olderThan(e: Entity): Entity | null {
    return this.older[e.key] ?? null;
  }

  private unlink(entity: Entity): void {
    const newer = this.newer[entity.key] ?? null;
    const older = this.older[entity.key] ?? null;
    if (newer) this.older[newer.key] = older;
    else this.head = older;
    if (older) this.newer[older.key] = newer;
  }
}

/** How many of a name's words are no particle ("von der Leyen" has one). */
function countNonParticles(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (!NAME_PARTICLES.has(w)) n++;
  return n;
}

/** Lower-cased words of roles as written, remembered: the same few roles are compared again at every mention. */
const roleWordCache = new Map<string, readonly string[]>();
const roleHeadCache = new Map<string, readonly string[]>();

/** `role.toLowerCase().split(/\s+/)`, remembered (bounded, for a long-running server). */
function roleWords(role: string): readonly string[] {
  let words = roleWordCache.get(role);
  if (words === undefined) {
    words = role.toLowerCase().split(/\s+/);
    if (roleWordCache.size >= 4096) roleWordCache.clear();
    roleWordCache.set(role, words);
  }
  return words;
}

/** The role's words that are role heads ("senator" in "Senator", "minister" in "Foreign Minister"), remembered. */
function roleHeads(role: string): readonly string[] {
  let heads = roleHeadCache.get(role);
  if (heads === undefined) {
    heads = roleWords(role).filter((w) => isRoleHead(w));
    if (roleHeadCache.size >= 4096) roleHeadCache.clear();
    roleHeadCache.set(role, heads);
  }
  return heads;
}

/** Of several entities, the one agreeing in gender, then the most recently mentioned. */
/**
 * The person a bare surname means. Once an article calls one of two namesakes by the surname alone, it keeps doing
 * so and calls the other by the given name ("Travis Kern … Kern … his mother, Deb Kern … Deb … Kern said" is
 * Travis), so the one already called so comes first; else the latest mentioned.
 */
function pickBySurname(list: Entity[], gender: Gender | null, role: string | null): Entity | null {
  // A title with the surname ("Senator Kern") says who it is by itself.
  if (list.length > 1 && role === null) {
    const called = list.filter((e) => e.calledBySurname);
    if (called.length > 0 && called.length < list.length) {
      const pick = pickRecent(called, gender, null);
      if (pick && fitsGender(pick, gender)) return pick;
    }
  }
  return pickRecent(list, gender, role);
}

/** The single person in `list` (one entity filed twice counts once), agreeing with `gender`; null for none or several. */
function onlyOne(list: Entity[], gender: Gender | null): Entity | null {
  const people = new Set(list.filter((e) => e.kind === 'person' && e.words.length >= 2 && (gender === null || fitsGender(e, gender))));
  return people.size === 1 ? [...people][0] : null;
}

function pickRecent(list: Entity[], gender: Gender | null, role: string | null): Entity | null {
  // The pool is those of the gender (when any is), then of them those with the title (when any has it); it is
  // walked in place rather than filtered into new arrays, as a name is looked up at every mention.
  let byGender = false;
  if (gender) for (const e of list) if (fitsGender(e, gender)) byGender = true;
  // "Senator Mwangi" is the Mwangi who is a senator, not the minister of the same name.
  const heads = role ? roleHeads(role) : NO_WORDS;
  let byTitle = false;
  if (heads.length > 0) for (const e of list) if ((!byGender || fitsGender(e, gender)) && hasTitle(e, heads)) byTitle = true;
  let best: Entity | null = null;
  for (const e of list) {
    if ((byGender && !fitsGender(e, gender)) || (byTitle && !hasTitle(e, heads))) continue;
    if (!best || e.lastSeen > best.lastSeen) best = e;
  }
  return best;
}

const NO_WORDS: readonly string[] = [];

function fitsGender(e: Entity, gender: Gender | null): boolean {
  return e.gender === null || e.gender === gender;
}

/** The entity's role has one of the head words `heads`. */
function hasTitle(e: Entity, heads: readonly string[]): boolean {
  if (e.role === null) return false;
  const words = roleWords(e.role);
  for (const h of heads) if (words.includes(h)) return true;
  return false;
}

function compatible(e: Entity, kind: PronounKind): boolean {
  switch (kind) {
    case 'male':
      return (e.kind === 'person' && e.gender !== 'female') || (e.kind === 'anonymous' && !e.plural && e.gender !== 'female');
    case 'female':
      return (e.kind === 'person' && e.gender !== 'male') || (e.kind === 'anonymous' && !e.plural && e.gender !== 'male');
    case 'plural':
      return e.kind === 'organization' || e.plural;
    // "Nanotek said it would …": a one-word name of unsure kind that "it" takes up is an organization.
    case 'thing':
      return e.kind === 'organization' || isUnsureOneWord(e);
    case 'person':
      return e.kind === 'person';
  }
}

/** A one-word name of unknown kind, read as a person for want of a better guess, with nothing to confirm it. */
function isUnsureOneWord(e: Entity): boolean {
  return e.kind === 'person' && e.unsure && !e.role && !e.gender && e.words.length === 1;
}

/** An unsure one-word name that never spoke: known only as the subject of some sentence. */
function isGuess(e: Entity): boolean {
  return isUnsureOneWord(e) && !e.isSource;
}

/**
 * "the ministry" refers to an earlier organization with that head and no conflicting modifier; "the minister"
 * or "the senator" to a person whose role has that head; "the source" to an anonymous source.
 */
/** `d` with its head and modifiers already normalised by `spelling`. */
function refersTo(e: Entity, d: Description): boolean {
  e.known ??= new Set(
    [...e.words, ...(e.head ? [e.head] : []), ...e.name.toLowerCase().split(/[\s’']+/), ...(e.role ?? '').toLowerCase().split(/\s+/)].map(
      spelling,
    ),
  );
  const known = e.known;
  const modifiersFit = d.modifiers.every((m) => known.has(m) || isGeneric(m));
  if (!modifiersFit) return false;
  if (e.head !== null && spelling(e.head) === d.head) return true;
  if (d.headKind === 'organization') return e.kind === 'organization' && known.has(d.head);
  if (e.kind === 'person' && e.role && isRoleHead(d.head)) return roleWords(e.role).includes(d.head);
  return false;
}

/** British and American spellings of the same institution word compare equal. */
function spelling(word: string): string {
  return word.replace(/isation$/, 'ization').replace(/ence$/, 'ense');
}

/** Modifiers that do not distinguish one referent from another ("the same ministry", "the senior official"). */
function isGeneric(word: string): boolean {
  return ['same', 'senior', 'top', 'former', 'two', 'other', 'new', 'local'].includes(word);
}
