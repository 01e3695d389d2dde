// The vocabulary of titles and roles that journalists put before or after a name ("Russian Foreign
// Minister Sergei Lavrov", "Germany's finance minister, Anna Vogt,"), and honorifics ("Mr", "Dr").
// Data plus small lookups; the phrase matching lives in names.ts.
import type { Gender } from './givenNames';
import { TITLE_ABBREVIATIONS } from './abbreviations';
import { lowerCase } from './lowerCase';

/** Nouns that head a role phrase: a role phrase must end in one of these (any case). */
const ROLE_HEADS = new Set(
  `
minister ministers president vice-president premier chancellor secretary secretary-general ambassador envoy
spokesman spokeswoman spokesperson spokespeople counterpart leader head chief chairman chairwoman chairperson chair
director director-general governor mayor senator congressman congresswoman representative deputy lawmaker mp
commissioner commander general admiral colonel major captain lieutenant sergeant officer prosecutor judge justice
attorney lawyer advocate king queen prince princess emir sheikh sultan pope patriarch cardinal archbishop bishop
imam rabbi ceo executive founder co-founder owner manager economist analyst expert professor researcher scientist
adviser advisor aide negotiator mediator diplomat official activist campaigner candidate nominee speaker coach
captain player striker footballer actor actress singer author writer journalist editor reporter correspondent
historian spokesman-designate counsel consul consul-general ombudsman auditor inspector regulator treasurer
president-elect chairman-elect premier-elect mufti ayatollah marshal superintendent sheriff councillor councilor
alderman member partner dean rector principal strategist pollster guide teacher doctor nurse farmer driver
pilot engineer worker volunteer climber mountaineer athlete artist musician photographer filmmaker designer
architect entrepreneur businessman businesswoman banker investor trader commentator blogger priest monk
resident owner shopkeeper student coordinator wife husband widow widower son daughter mother father brother sister
grandmother grandfather uncle aunt cousin niece nephew fiancée fiancé partner organiser organizer founder host presenter anchor
granddaughter grandson stepdaughter stepson stepmother stepfather girlfriend boyfriend
administrator prefect detective constable clerk registrar curator surgeon physician paramedic firefighter
master harbourmaster harbormaster fishmonger baker butcher novelist poet playwright composer producer chef comedian
broadcaster podcaster publisher pastor vicar therapist psychologist psychiatrist pharmacist dentist lobbyist
councilwoman councilman councilmember councilperson alderwoman alderperson assemblyman assemblywoman
assemblymember selectman selectwoman supervisor comptroller coroner legislator whip trustee assessor magistrate
regent freeholder
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that may stand inside a role phrase before its head ("foreign", "deputy", "chief"). Lower case. */
const ROLE_MODIFIERS = new Set(
  `
foreign defence defense finance interior health justice economy economic energy trade education culture
agriculture environment transport labour labor home prime deputy vice first senior junior chief executive acting
former ex interim top lead leading special permanent general state federal regional national local prime
presidential press military security intelligence police party opposition ruling parliamentary
government communications political legal financial operating technology science digital
affairs relations development emergency emergencies sport sports tourism industry housing immigration
migration treasury budget audit supreme high army navy naval air force armed forces staff joint
assistant associate managing national-security retired longtime veteran new newly
elected appointed outgoing incoming current european eu un nato us uk
district city county provincial municipal town village hospital school union company campaign
`
    .split(/\s+/)
    .filter(Boolean),
);

/** Honorifics: a person follows; some also tell the gender. */
const HONORIFICS: ReadonlyMap<string, Gender | null> = new Map<string, Gender | null>([
  ['mr', 'male'],
  ['mrs', 'female'],
  ['ms', 'female'],
  ['miss', 'female'],
  ['sir', 'male'],
  ['dame', 'female'],
  ['lord', 'male'],
  ['lady', 'female'],
  ['dr', null],
  ['prof', null],
  ['madam', 'female'],
  ['madame', 'female'],
  ['monsieur', 'male'],
  ['herr', 'male'],
  ['frau', 'female'],
  ['señor', 'male'],
  ['señora', 'female'],
]);

/** Titles whose holder's gender is plain from the title itself. */
const GENDERED_TITLES: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ['king', 'male'],
  ['queen', 'female'],
  ['prince', 'male'],
  ['princess', 'female'],
  ['spokesman', 'male'],
  ['spokeswoman', 'female'],
  ['businessman', 'male'],
  ['businesswoman', 'female'],
  ['wife', 'female'],
  ['husband', 'male'],
  ['widow', 'female'],
  ['widower', 'male'],
  ['son', 'male'],
  ['daughter', 'female'],
  ['mother', 'female'],
  ['father', 'male'],
  ['brother', 'male'],
  ['sister', 'female'],
  ['grandmother', 'female'],
  ['grandfather', 'male'],
  ['uncle', 'male'],
  ['aunt', 'female'],
  ['niece', 'female'],
  ['nephew', 'male'],
  ['granddaughter', 'female'],
  ['grandson', 'male'],
  ['stepdaughter', 'female'],
  ['stepson', 'male'],
  ['stepmother', 'female'],
  ['stepfather', 'male'],
  ['girlfriend', 'female'],
  ['boyfriend', 'male'],
  ['chairman', 'male'],
  ['chairwoman', 'female'],
  ['congressman', 'male'],
  ['congresswoman', 'female'],
  ['councilman', 'male'],
  ['councilwoman', 'female'],
  ['assemblyman', 'male'],
  ['assemblywoman', 'female'],
  ['alderman', 'male'],
  ['alderwoman', 'female'],
  ['selectman', 'male'],
  ['selectwoman', 'female'],
  ['actress', 'female'],
  ['emir', 'male'],
  ['sheikh', 'male'],
  ['pope', 'male'],
  ['patriarch', 'male'],
  ['imam', 'male'],
  ['rabbi', 'male'],
  ['sultan', 'male'],
  ['ayatollah', 'male'],
]);

export function isRoleHead(word: string): boolean {
  const lower = lowerCase(word);
  if (ROLE_HEADS.has(lower) || TITLE_ABBREVIATIONS.has(lower)) return true;
  // "co-president", "vice-chairman", "deputy-head": a compound counts by its last part.
  const dash = lower.lastIndexOf('-');
  return dash > 0 && ROLE_HEADS.has(lower.slice(dash + 1));
}

export function isRoleModifier(word: string): boolean {
  return ROLE_MODIFIERS.has(lowerCase(word));
}

/** True for "Mr", "Mrs", "Dr"… (without the full stop). */
export function isHonorific(word: string): boolean {
  return HONORIFICS.has(lowerCase(word));
}

/** The gender an honorific or a title implies ("Mrs" -> female, "King" -> male), else null. */
export function titleGender(word: string): Gender | null {
  const lower = lowerCase(word);
  return HONORIFICS.get(lower) ?? GENDERED_TITLES.get(lower) ?? null;
}
