// Builds in-memory documents with hand-made analyses for the feature tests, so they need no analyzer and no server.
import type { SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Dateline, Mention, MentionForm, Quote, Speaker, Span } from '../../server/src/analysis/types';
import { CodePointIndex } from '../../server/src/analysis/offsets';
import { AnalyzedDocument, emptyAnalysis } from '../../server/src/documents/analyzedDocument';

/** Locates the n-th occurrence of `needle` in code points, as the analysis reports spans. */
export function spanOf(text: string, rawNeedle: string, nth = 0): Span {
  // Fixtures are written with \n; the same needle finds its place in a CRLF copy of the text.
  const needle = text.includes('\r\n') ? rawNeedle.replace(/\n/g, '\r\n') : rawNeedle;
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not in the fixture`);
  }
  const index = new CodePointIndex(text);
  return { start: index.toCodePoint(at), end: index.toCodePoint(at + needle.length), text: needle };
}

export class AnalysisBuilder {
  readonly analysis: Analysis;

  constructor(readonly text: string) {
    this.analysis = emptyAnalysis([...text].length);
  }

  title(needle: string): this {
    this.analysis.structure.title = spanOf(this.text, needle);
    this.analysis.title = this.analysis.structure.title.text;
    return this;
  }

  dateline(needle: string, iso: string, primary = false, nth = 0): this {
    const d: Dateline = { ...spanOf(this.text, needle, nth), iso, primary };
    this.analysis.datelines.push(d);
    return this;
  }

  speaker(
    name: string,
    kind: Speaker['kind'],
    role: string | null,
    mentions: [string, MentionForm, number?][],
    aliases: string[] = [],
  ): this {
    const id = `s${this.analysis.speakers.length + 1}`;
    const ms: Mention[] = mentions.map(([needle, form, nth]) => ({ ...spanOf(this.text, needle, nth ?? 0), form }));
    this.analysis.speakers.push({ id, name, kind, role, aliases, mentions: ms.sort((a, b) => a.start - b.start) });
    return this;
  }

  quote(needle: string, speakerName: string | null, cue: [string, number?] | null = null, partial = false, nth = 0): this {
    const speaker = speakerName === null ? null : this.analysis.speakers.find((s) => s.name === speakerName);
    if (speakerName !== null && !speaker) throw new Error(`no speaker ${speakerName} yet`);
    const q: Quote = {
      ...spanOf(this.text, needle, nth),
      speakerId: speaker?.id ?? null,
      cue: cue ? spanOf(this.text, cue[0], cue[1] ?? 0) : null,
      partial,
      source: null,
      confidence: speaker ? 0.9 : null,
    };
    this.analysis.quotes.push(q);
    this.analysis.quotes.sort((a, b) => a.start - b.start);
    return this;
  }

  boilerplateAt(needle: string): this {
    this.analysis.structure.boilerplateStart = spanOf(this.text, needle).start;
    return this;
  }

  build(uri = 'file:///work/test/001_0123456789abcdef.txt', version = 1): AnalyzedDocument {
    return new AnalyzedDocument(TextDocument.create(uri, 'seed', version, this.text), this.analysis);
  }
}

/** A short article with an emoji and non-ASCII names before speakers, a multi-line quote and boilerplate. */
export const ARTICLE = [
  '# Talks on Karabakh 🕊️ go on',
  '',
  '07.12.2020 12:16',
  '',
  '🇷🇺 Russian Foreign Minister Sergei Lavrov said the talks went well. "We agreed on a ceasefire," Lavrov said.',
  'Turkish Foreign Minister Mevlüt Çavuşoğlu told reporters: "This is',
  'a good day for Lavrov and me."',
  'He added that "nothing is final".',
  '"Nobody knows," one diplomat said.',
  '',
  'Latest news',
  'Another headline',
  '11.Jan.2026',
  '',
].join('\n');

export function articleBuilder(text = ARTICLE): AnalysisBuilder {
  return new AnalysisBuilder(text)
    .title('Talks on Karabakh 🕊️ go on')
    .dateline('07.12.2020 12:16', '2020-12-07T12:16', true)
    .dateline('11.Jan.2026', '2026-01-11')
    .speaker(
      'Sergei Lavrov',
      'person',
      'Russian Foreign Minister',
      [
        ['Sergei Lavrov', 'name'],
        ['Lavrov', 'surname', 1],
        ['Lavrov', 'surname', 2],
      ],
      ['Lavrov'],
    )
    .speaker('Mevlüt Çavuşoğlu', 'person', 'Turkish Foreign Minister', [
      ['Mevlüt Çavuşoğlu', 'name'],
      ['He', 'pronoun'],
    ])
    .quote('"We agreed on a ceasefire,"', 'Sergei Lavrov', ['said', 1])
    .quote('"This is\na good day for Lavrov and me."', 'Mevlüt Çavuşoğlu', ['told reporters'])
    .quote('"nothing is final"', 'Mevlüt Çavuşoğlu', ['added'], true)
    .quote('"Nobody knows,"', null, ['said', 2])
    .boilerplateAt('Latest news');
}

/** Applies a semantic tokens delta to the previous data, as a client does. */
export function applyEdits(data: readonly number[], delta: SemanticTokensDelta | SemanticTokens): number[] {
  if ('data' in delta) return [...delta.data];
  const result = [...data];
  for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) {
    result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  }
  return result;
}
