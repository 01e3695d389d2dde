// Pure edits of a codebook: add, edit the definition, move under a parent, recolour, rename, remove. Each returns a
// new codebook or throws a CodebookError saying why not; writing, and what tags use a code, are the callers' part.
import { tagColour } from '../../../shared/tagColours';
import { CodebookError, type Code, type Codebook } from './codebook';

const COLOUR = /^#[0-9a-fA-F]{6}$/;

export interface NewCode {
  name: string;
  description?: string;
  color?: string;
  parent?: string | null;
}

export function codeNamed(codebook: Codebook, name: string): Code | undefined {
  return codebook.codes.find((c) => c.name === name);
}

export function addCode(codebook: Codebook, code: NewCode): Codebook {
  const name = checkedName(code.name);
  if (codeNamed(codebook, name)) throw new CodebookError(`the codebook already has a code "${name}"`);
  const parent = code.parent ?? null;
  if (parent !== null) existing(codebook, parent);
  const color = code.color === undefined ? tagColour(name, codebook.codes.map((c) => c.name).concat(name)) : checkedColour(code.color);
  return { ...codebook, codes: [...codebook.codes, { name, description: code.description ?? '', color, parent }] };
}

export function describeCode(codebook: Codebook, name: string, description: string): Codebook {
  existing(codebook, name);
  return replace(codebook, name, (c) => ({ ...c, description }));
}

export function recolourCode(codebook: Codebook, name: string, color: string): Codebook {
  existing(codebook, name);
  const checked = checkedColour(color);
  return replace(codebook, name, (c) => ({ ...c, color: checked }));
}

/** Puts `name` under `parent` (null: top level); a code cannot go under itself or its descendants. */
export function moveCode(codebook: Codebook, name: string, parent: string | null): Codebook {
  existing(codebook, name);
  if (parent !== null) {
    existing(codebook, parent);
    for (let p: string | null = parent; p !== null; p = codeNamed(codebook, p)?.parent ?? null) {
      if (p === name) throw new CodebookError(`cannot move "${name}" under "${parent}": "${parent}" is inside "${name}"`);
    }
  }
  return replace(codebook, name, (c) => ({ ...c, parent }));
}

/** Renames a code and its children's parent references. A code absent from the codebook leaves it unchanged. */
export function renameCodeIn(codebook: Codebook, from: string, to: string): Codebook {
  const name = checkedName(to);
  if (name === from) throw new CodebookError(`"${from}" already has that name`);
  if (!codeNamed(codebook, from)) return codebook;
  if (codeNamed(codebook, name)) {
    throw new CodebookError(
      `the codebook already has a code "${name}"; to merge "${from}" into it, delete "${from}" and move its tags to "${name}"`,
    );
  }
  return {
    ...codebook,
    codes: codebook.codes.map((c) => ({ ...c, name: c.name === from ? name : c.name, parent: c.parent === from ? name : c.parent })),
  };
}

/** Removes a code; its children move up to its parent. Whether tags still use it is the caller's check. */
export function removeCode(codebook: Codebook, name: string): Codebook {
  const code = existing(codebook, name);
  return {
    ...codebook,
    codes: codebook.codes.filter((c) => c.name !== name).map((c) => (c.parent === name ? { ...c, parent: code.parent } : c)),
  };
}

/** A codebook seeded from a flat list of tag names (the old `seedAnnotator.tags` setting), colours in order. */
export function codebookFromNames(names: readonly string[]): Codebook {
  let codebook: Codebook = { version: 1, codes: [] };
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed && !codeNamed(codebook, trimmed)) codebook = addCode(codebook, { name: trimmed });
  }
  return codebook;
}

function existing(codebook: Codebook, name: string): Code {
  const code = codeNamed(codebook, name);
  if (!code) throw new CodebookError(`the codebook has no code "${name}"`);
  return code;
}

function replace(codebook: Codebook, name: string, change: (c: Code) => Code): Codebook {
  return { ...codebook, codes: codebook.codes.map((c) => (c.name === name ? change(c) : c)) };
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new CodebookError('a code needs a name');
  if (/[\r\n]/.test(trimmed)) throw new CodebookError('a code name is a single line');
  if (trimmed.length > 80) throw new CodebookError('a code name has at most 80 characters');
  return trimmed;
}

function checkedColour(color: string): string {
  if (!COLOUR.test(color)) throw new CodebookError(`"${color}" is not a colour: use #rrggbb`);
  return color.toLowerCase();
}
