// The codebook operations of one workspace folder, as the CLI and the language server offer them: each reads the
// current codebook under its lock, applies one edit and writes it back; renames and deletes that move tags go through
// the journaled retag so every sidecar changes with them.
import { CodebookError, codebookPath, readCodebook, updateCodebook, type Codebook } from './codebook';
import {
  addCode,
  codebookFromNames,
  codeNamed,
  describeCode,
  moveCode,
  recolourCode,
  removeCode,
  renameCodeIn,
  type NewCode,
} from './codebookEdits';
import { recoverRetag, retag, tagsUsing, undoRetag, type RetagResult } from './retag';

export interface CodebookState {
  codebook: Codebook;
  /** False while no codebook file exists (the codes are then the seed, e.g. the old `seedAnnotator.tags`). */
  exists: boolean;
}

export class CodebookWorkspace {
  readonly path: string;

  /** `seed`: tag names that make up the codebook until the file exists (it is written on the first edit). */
  constructor(
    readonly root: string,
    private readonly seed: readonly string[] = [],
  ) {
    this.path = codebookPath(root);
  }

  /** Finishes a rename a crash interrupted (call on start); returns what it finished. */
  recover(): RetagResult | null {
    return recoverRetag(this.root);
  }

  state(): CodebookState {
    const read = readCodebook(this.path);
    if (read.kind === 'invalid') throw new CodebookError(read.message);
    return read.kind === 'ok' ? { codebook: read.codebook, exists: true } : { codebook: codebookFromNames(this.seed), exists: false };
  }

  add(code: NewCode): Codebook {
    return this.edit((cb) => addCode(cb, code));
  }

  describe(name: string, description: string): Codebook {
    return this.edit((cb) => describeCode(cb, name, description));
  }

  recolour(name: string, color: string): Codebook {
    return this.edit((cb) => recolourCode(cb, name, color));
  }

  move(name: string, parent: string | null): Codebook {
    return this.edit((cb) => moveCode(cb, name, parent));
  }

  /** Renames the code in the codebook and on every tag of the workspace, in one undoable operation. */
  rename(from: string, to: string): RetagResult {
    const seeded = this.seeded();
    // Checked before anything is written, so a refused rename changes nothing.
    renameCodeIn(seeded, from, to);
    return retag(this.root, from, to.trim(), `rename ${from} → ${to.trim()}`, (current) =>
      // With no codebook file and no such code in the seed, only the tags change: no empty codebook appears.
      current === null && !codeNamed(seeded, from) ? null : renameCodeIn(current ?? seeded, from, to),
    );
  }

  /** Removes a code; refused while tags use it, unless `moveTo` names another code to move those tags to. */
  delete(name: string, moveTo?: string): RetagResult {
    const seeded = this.seeded();
    removeCode(seeded, name);
    const used = tagsUsing(this.root, name);
    if (moveTo === undefined) {
      if (used > 0)
        throw new CodebookError(`"${name}" is still used by ${used} tag${used === 1 ? '' : 's'}; move them to another code to delete it`);
      updateCodebook(this.path, (cb) => removeCode(this.fileOrSeed(cb), name));
      return { label: `delete ${name}`, tags: 0, files: 0 };
    }
    if (moveTo === name) throw new CodebookError(`cannot move the tags of "${name}" to itself`);
    if (!codeNamed(seeded, moveTo)) throw new CodebookError(`the codebook has no code "${moveTo}" to move the tags of "${name}" to`);
    return retag(this.root, name, moveTo, `delete ${name} (tags moved to ${moveTo})`, (current) => removeCode(current ?? seeded, name));
  }

  /** Undoes the last rename or delete-with-move; null when there is none. */
  undo(): RetagResult | null {
    return undoRetag(this.root);
  }

  private edit(change: (cb: Codebook) => Codebook): Codebook {
    return updateCodebook(this.path, (cb) => change(this.fileOrSeed(cb)));
  }

  /** updateCodebook hands an empty codebook when there is no file: start from the seed then. */
  private fileOrSeed(current: Codebook): Codebook {
    return readCodebook(this.path).kind === 'missing' ? codebookFromNames(this.seed) : current;
  }

  private seeded(): Codebook {
    return this.state().codebook;
  }
}
