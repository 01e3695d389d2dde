// The speaker stages depend on each other in one direction only (mentions → cues → resolution → attribution),
// and no module under analysis/ imports itself back through others. Read from the import statements.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ANALYSIS = path.resolve(__dirname, '../../../server/src/analysis');
const SPEAKERS = path.join(ANALYSIS, 'speakers');
const STAGES = ['mentions', 'cues', 'resolution', 'attribution'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

/** The files under analysis/ that `file` imports (type-only imports included: they tie modules together too). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), fileName);
    const target = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => fs.existsSync(f));
    if (target && target.startsWith(ANALYSIS)) out.push(target);
  }
  return out;
}

function stageOf(file: string): number {
  const rel = path.relative(SPEAKERS, file).split(path.sep);
  return rel.length > 1 ? STAGES.indexOf(rel[0]) : -1;
}

describe('speaker stages', () => {
  const files = sourceFiles(ANALYSIS);
  const graph = new Map(files.map((f) => [f, importsOf(f)]));

  it('has every stage as a folder with an index', () => {
    for (const stage of STAGES) assert.ok(fs.existsSync(path.join(SPEAKERS, stage, 'index.ts')), stage);
  });

  it('imports only from its own or an earlier stage', () => {
    const backwards: string[] = [];
    for (const [file, imports] of graph) {
      const own = stageOf(file);
      if (own < 0) continue;
      for (const target of imports) {
        if (stageOf(target) > own) backwards.push(`${path.relative(ANALYSIS, file)} -> ${path.relative(ANALYSIS, target)}`);
      }
    }
    assert.deepEqual(backwards, []);
  });

  it('has no import cycle anywhere under analysis/', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, trail: string[]): void => {
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'open')
          cycles.push(
            [...trail, file, next]
              .slice(trail.indexOf(next) >= 0 ? trail.indexOf(next) : trail.length)
              .map((f) => path.relative(ANALYSIS, f))
              .join(' -> '),
          );
        else if (!state.has(next)) visit(next, [...trail, file]);
      }
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file, []);
    assert.deepEqual(cycles, []);
  });
});
