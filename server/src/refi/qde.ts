// `project.qde`, the XML of a REFI-QDA project (namespace urn:QDA-XML:project:1.0, schema
// schemas/refi-qda/Project-mrt2019.xsd): written and read with xmlbuilder2, elements in the schema's order.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { asGuid } from './guids';
import type { QdaCode, QdaCoding, QdaNote, QdaProject, QdaSelection, QdaSource } from './project';

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Characters XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/FFFF) are dropped from names and notes. */
function xmlText(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** Attributes with no value are left out (the schema has no empty GUIDs or dates). */
function attrs(values: Record<string, string | number | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined) out[k] = typeof v === 'number' ? String(v) : xmlText(v);
  return out;
}

export function toQde(project: QdaProject): string {
  const doc = create({ version: '1.0', encoding: 'utf-8' });
  const root = doc.ele(QDA_NAMESPACE, 'Project', attrs({ name: project.name, origin: project.origin, creationDateTime: project.created }));
  if (project.users.length > 0) {
    const users = root.ele('Users');
    for (const u of project.users) users.ele('User', attrs({ guid: u.guid, name: u.name }));
  }
  if (project.codes.length > 0) writeCodes(root.ele('CodeBook').ele('Codes'), project.codes);
  if (project.sources.length > 0) {
    const sources = root.ele('Sources');
    for (const s of project.sources) writeSource(sources, s);
  }
  if (project.notes.length > 0) {
    const notes = root.ele('Notes');
    for (const n of project.notes) writeNote(notes, n);
  }
  return doc.end({ prettyPrint: true }) + '\n';
}

function writeCodes(parent: XMLBuilder, codes: readonly QdaCode[]): void {
  for (const code of codes) {
    const el = parent.ele('Code', attrs({ guid: code.guid, name: code.name, isCodable: 'true', color: code.color }));
    if (code.description) el.ele('Description').txt(xmlText(code.description));
    writeCodes(el, code.children);
  }
}

function writeSource(parent: XMLBuilder, source: QdaSource): void {
  const el = parent.ele('TextSource', attrs({ guid: source.guid, name: source.name, plainTextPath: `internal://${source.internalName}` }));
  for (const s of source.selections) writeSelection(el, s);
}

function writeSelection(parent: XMLBuilder, s: QdaSelection): void {
  const el = parent.ele(
    'PlainTextSelection',
    attrs({
      guid: s.guid,
      name: s.name,
      startPosition: s.start,
      endPosition: s.end,
      creatingUser: s.creatingUser,
      creationDateTime: s.created,
      modifyingUser: s.modified ? s.creatingUser : null,
      modifiedDateTime: s.modified,
    }),
  );
  for (const c of s.codings) {
    el.ele('Coding', attrs({ guid: c.guid, creatingUser: c.creatingUser, creationDateTime: c.created })).ele('CodeRef', {
      targetGUID: c.codeGuid,
    });
  }
  for (const n of s.noteGuids) el.ele('NoteRef', { targetGUID: n });
}

function writeNote(parent: XMLBuilder, note: QdaNote): void {
  parent
    .ele('Note', attrs({ guid: note.guid, name: note.name, creatingUser: note.creatingUser, creationDateTime: note.created }))
    .ele('PlainTextContent')
    .txt(xmlText(note.text));
}

// --- reading ------------------------------------------------------------------------------------------------------

/** Minimal DOM surface of the parsed document that reading needs. */
interface Element {
  nodeType: number;
  localName: string;
  namespaceURI: string | null;
  childNodes: ArrayLike<Element>;
  textContent: string | null;
  getAttribute(name: string): string | null;
}

export class QdeError extends Error {}

/** Parses project.qde; source texts are filled in by the caller from the archive (`internalName`). */
export function fromQde(xml: string): QdaProject {
  let root: Element;
  try {
    root = create(xml).root().node as unknown as Element;
  } catch (err) {
    throw new QdeError(`project.qde is not well-formed XML (${(err as Error).message})`);
  }
  if (root.localName !== 'Project' || root.namespaceURI !== QDA_NAMESPACE) {
    throw new QdeError(`project.qde: the root is <${root.localName}>, not a REFI-QDA <Project> in ${QDA_NAMESPACE}`);
  }
  const users = children(child(root, 'Users'), 'User').map((u) => ({ guid: guidOf(u, 'guid'), name: u.getAttribute('name') ?? '' }));
  const codes = readCodes(child(child(root, 'CodeBook'), 'Codes'));
  const sources = children(child(root, 'Sources'), 'TextSource').map(readSource);
  const notes = children(child(root, 'Notes'), 'Note').map((n) => ({
    guid: guidOf(n, 'guid'),
    name: n.getAttribute('name') ?? '',
    text: child(n, 'PlainTextContent')?.textContent ?? '',
    creatingUser: optionalGuid(n, 'creatingUser'),
    created: n.getAttribute('creationDateTime'),
  }));
  return {
    name: root.getAttribute('name') ?? '',
    origin: root.getAttribute('origin') ?? '',
    created: root.getAttribute('creationDateTime') ?? '',
    users,
    codes,
    sources,
    notes,
  };
}

function readCodes(parent: Element | null): QdaCode[] {
  return children(parent, 'Code').map((c) => ({
    guid: guidOf(c, 'guid'),
    name: c.getAttribute('name') ?? '',
    color: c.getAttribute('color'),
    description: child(c, 'Description')?.textContent ?? '',
    children: readCodes(c),
  }));
}

function readSource(el: Element): QdaSource & { plainTextContent: string | null } {
  const path = el.getAttribute('plainTextPath') ?? '';
  return {
    guid: guidOf(el, 'guid'),
    name: el.getAttribute('name') ?? '',
    internalName: path.startsWith('internal://') ? path.slice('internal://'.length) : path,
    text: '',
    plainTextContent: child(el, 'PlainTextContent')?.textContent ?? null,
    selections: children(el, 'PlainTextSelection').map((s) => ({
      guid: guidOf(s, 'guid'),
      name: s.getAttribute('name') ?? '',
      start: integer(s, 'startPosition'),
      end: integer(s, 'endPosition'),
      creatingUser: optionalGuid(s, 'creatingUser'),
      created: s.getAttribute('creationDateTime'),
      modified: s.getAttribute('modifiedDateTime'),
      codings: children(s, 'Coding').map((c): QdaCoding => ({
        guid: guidOf(c, 'guid'),
        codeGuid: guidOf(child(c, 'CodeRef'), 'targetGUID'),
        creatingUser: optionalGuid(c, 'creatingUser'),
        created: c.getAttribute('creationDateTime'),
      })),
      noteGuids: children(s, 'NoteRef').map((n) => guidOf(n, 'targetGUID')),
    })),
  };
}

function children(parent: Element | null, name: string): Element[] {
  if (!parent) return [];
  return Array.from(parent.childNodes).filter((n) => n.nodeType === 1 && n.localName === name);
}

function child(parent: Element | null, name: string): Element | null {
  return children(parent, name)[0] ?? null;
}

function guidOf(el: Element | null, attribute: string): string {
  const raw = el?.getAttribute(attribute) ?? '';
  const guid = asGuid(raw);
  if (!guid) throw new QdeError(`project.qde: <${el?.localName ?? '?'}> has ${attribute}="${raw}", not a GUID`);
  return guid;
}

function optionalGuid(el: Element, attribute: string): string | null {
  const raw = el.getAttribute(attribute);
  return raw === null ? null : asGuid(raw);
}

function integer(el: Element, attribute: string): number {
  const raw = el.getAttribute(attribute) ?? '';
  if (!/^\d+$/.test(raw.trim())) throw new QdeError(`project.qde: <${el.localName}> has ${attribute}="${raw}", not a position`);
  return Number(raw);
}
