// A title before its holder is named: live blogs put the newest entry first, so "The governor has conceded" can
// stand above the entry that names "Gov. Helen Marsh"; ledes and round-ups do the same. The reading pass, which
// only looks back, made "The governor" a source of its own; once every name is read, such a source is the one
// person the article names with that title further down, if there is exactly one and none was named before it.
import { isRoleHead } from '../../lexicon/roles';
import { holdsTitle, type Entity, type SpeakerRegistry } from './registry';
import type { ResolvedCue } from './readingState';

export function nameTitlesAhead(registry: SpeakerRegistry, resolved: ResolvedCue[]): void {
  for (const title of registry.entities) {
    const head = title.head;
    if (title.kind !== 'anonymous' || title.plural || head === null || !isRoleHead(head) || !onlyDefinite(title)) continue;
    const at = firstMention(title);
    const holders = registry.entities.filter((e) => e.kind === 'person' && e.role !== null && holdsTitle(e.role, head));
    if (holders.length !== 1 || firstMention(holders[0]) < at) continue;
    const holder = holders[0];
    for (const m of title.mentions) holder.mentions.push(m.form === 'description' ? { ...m, form: 'title' } : m);
    title.mentions.length = 0;
    title.isSource = false;
    for (const r of resolved) if (r.entity === title) r.entity = holder;
  }
}

/**
 * Named only by definite descriptions ("The governor", "the senator"), never an owned one ("her aide"), and by
 * pronouns that took them up.
 */
function onlyDefinite(e: Entity): boolean {
  return (
    e.mentions.some((m) => m.form === 'description') &&
    e.mentions.every((m) => m.form === 'pronoun' || (m.form === 'description' && /^the\s/iu.test(m.text)))
  );
}

function firstMention(e: Entity): number {
  let at = Infinity;
  for (const m of e.mentions) at = Math.min(at, m.start);
  return at;
}
