// W3C Web Annotation export (JSON-LD): each tag as an Annotation whose tagging body is the tag name, a commenting
// body the note, and whose target is the source file with position and quote selectors (code points, as stored).
// An orphaned tag's words are no longer in the text: it keeps only its quote selector (the words it was given), since
// a position selector would point at other words. `status` (anchored, moved, orphaned) travels with each annotation.
import type { ExportRow } from './rows';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toW3cAnnotations(rows: readonly ExportRow[]): object[] {
  return rows.map((r) => {
    const body: object[] = [{ type: 'TextualBody', purpose: 'tagging', value: r.tag }];
    if (r.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: r.note });
    return {
      '@context': ANNOTATION_CONTEXT,
      id: UUID.test(r.id) ? `urn:uuid:${r.id}` : `urn:seed-annotator:tag:${encodeURIComponent(r.id)}`,
      type: 'Annotation',
      motivation: 'tagging',
      created: r.created,
      ...(r.modified ? { modified: r.modified } : {}),
      ...(r.coder ? { creator: { type: 'Person', name: r.coder } } : {}),
      body,
      target: {
        source: r.source,
        selector: [
          ...(r.start !== null && r.end !== null ? [{ type: 'TextPositionSelector', start: r.start, end: r.end }] : []),
          { type: 'TextQuoteSelector', exact: r.text, prefix: r.prefix, suffix: r.suffix },
        ],
      },
      status: r.status,
    };
  });
}

/** A JSON-LD document: an array of annotations, 2-space indented. */
export function toW3c(rows: readonly ExportRow[]): string {
  return JSON.stringify(toW3cAnnotations(rows), null, 2) + '\n';
}
