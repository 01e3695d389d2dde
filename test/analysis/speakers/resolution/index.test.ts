// The resolution stage on real tokens: each cue's subject resolved in reading order to a speaker, pronouns to
// the person before them, documents and joint statements to whoever issued them.
import { strict as assert } from 'node:assert';
import { throughResolution } from '../stageInput';

/** Each resolved cue as "cue → speaker name (source words)". */
function resolved(paragraphs: string[]): string[] {
  const { resolution } = throughResolution(paragraphs);
  return resolution.resolved.map((r) => `${r.cue.span.text} → ${r.entity.name} (${r.source.text})`);
}

describe('speakers/resolution: stage', () => {
  it('resolves a pronoun to the person named in the sentence before', () => {
    assert.deepEqual(resolved(['Foreign Minister Mevlüt Çavuşoğlu met his counterpart on Monday. He said the border would reopen.']), [
      'said → Mevlüt Çavuşoğlu (He)',
    ]);
  });

  it('lists resolved cues in order of their verb, surnames merged with full names', () => {
    assert.deepEqual(
      resolved(['Zoë Müller said the plan was sound. Pieter de Vries disagreed with her. Müller added that it was funded.']),
      ['said → Zoë Müller (Zoë Müller)', 'added → Zoë Müller (Müller)'],
    );
  });

  it('gives a joint statement to the parties together', () => {
    const { resolution } = throughResolution(['Egypt and Qatar said in a joint statement that talks would resume.']);
    assert.equal(resolution.resolved.length, 1);
    assert.equal(resolution.resolved[0].entity.name, 'Egypt and Qatar');
    assert.equal(resolution.resolved[0].entity.plural, true);
  });

  it('gives a document to the institution that issued it', () => {
    assert.deepEqual(resolved(['The Health Ministry issued a report on Tuesday. The report said 40 clinics had closed.']), [
      'said → The Health Ministry (The report)',
    ]);
  });

  it('marks as sources only the entities that spoke or carry a title', () => {
    const { resolution } = throughResolution(['Grace Mwangi met Ambassador Jürg Baumann 🙂 in Nairobi. Mwangi said the visit went well.']);
    const sources = resolution.registry.entities
      .filter((e) => e.isSource)
      .map((e) => e.name)
      .sort();
    assert.deepEqual(sources, ['Grace Mwangi', 'Jürg Baumann']);
  });
});
