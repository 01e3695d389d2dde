// The extension manifest agrees with the server's legend, the client's commands and the files it points to.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as protocol from '../../shared/protocol';
import { DEFAULT_SEED_PATTERNS, SeedFileMatcher } from '../../server/src/workspace/workspaceIndex';

const root = path.resolve(__dirname, '../..');

interface ManifestCommand {
  command: string;
  title: string;
  category?: string;
}
interface MenuEntry {
  command: string;
  when?: string;
}
interface SettingSchema {
  type: string;
  default: unknown;
  enum?: string[];
  minimum?: number;
  items?: { type: string };
}
interface Manifest {
  main: string;
  activationEvents: string[];
  contributes: {
    languages: { id: string; filenamePatterns: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    semanticTokenTypes: { id: string; superType: string; description: string }[];
    semanticTokenModifiers: { id: string; description: string }[];
    semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[];
    configuration: { properties: Record<string, SettingSchema> };
    commands: ManifestCommand[];
    menus: Record<string, MenuEntry[]>;
    keybindings: MenuEntry[];
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    views: Record<string, { id: string; name: string }[]>;
    jsonValidation: { fileMatch: string; url: string }[];
  };
}

function readJson<T>(relative: string): T {
  return JSON.parse(readFileSync(path.join(root, relative), 'utf8')) as T;
}

const manifest = readJson<Manifest>('package.json');
const contributes = manifest.contributes;

/** Command ids the client registers: string literals or `<Constants>.<name>` from shared/protocol. */
function registeredCommands(): Set<string> {
  const constants: Record<string, Record<string, unknown>> = {
    ClientCommands: protocol.ClientCommands,
    ClientTagCommands: protocol.ClientTagCommands,
    CorpusCommands: protocol.CorpusCommands,
  };
  const ids = new Set<string>();
  const dir = path.join(root, 'client/src');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/registerCommand\(\s*(?:'([^']+)'|(\w+)\.(\w+))/g)) {
      if (match[1]) ids.add(match[1]);
      else {
        const value = constants[match[2]]?.[match[3]];
        assert.equal(typeof value, 'string', `${file}: ${match[2]}.${match[3]} is a command id in shared/protocol.ts`);
        ids.add(value as string);
      }
    }
  }
  return ids;
}

describe('extension manifest (package.json)', () => {
  it('declares exactly the semantic token legend the server encodes with, in order', () => {
    assert.deepEqual(
      contributes.semanticTokenTypes.map((t) => t.id),
      [...protocol.SEMANTIC_TOKEN_TYPES],
    );
    assert.deepEqual(
      contributes.semanticTokenModifiers.map((m) => m.id),
      [...protocol.SEMANTIC_TOKEN_MODIFIERS],
    );
    const standardTypes = ['number', 'variable', 'string', 'keyword', 'type', 'class', 'property', 'function', 'comment'];
    for (const type of contributes.semanticTokenTypes) {
      assert.ok(standardTypes.includes(type.superType), `${type.id} has a standard superType, so themes colour it`);
    }
  });

  it('maps every token type, and only declared types and modifiers, to TextMate scopes for seed', () => {
    const [mapping] = contributes.semanticTokenScopes;
    assert.equal(mapping.language, protocol.LANGUAGE_ID);
    const types = new Set<string>(protocol.SEMANTIC_TOKEN_TYPES);
    const modifiers = new Set<string>(protocol.SEMANTIC_TOKEN_MODIFIERS);
    for (const [selector, scopes] of Object.entries(mapping.scopes)) {
      const [type, ...mods] = selector.split('.');
      assert.ok(types.has(type), `${selector}: ${type} is a declared token type`);
      for (const mod of mods) assert.ok(modifiers.has(mod), `${selector}: ${mod} is a declared modifier`);
      assert.ok(scopes.length > 0 && scopes.every((s) => /^[a-z][\w.-]*( [a-z][\w.-]*)*$/.test(s)), `${selector}: valid scopes`);
    }
    for (const type of types) assert.ok(mapping.scopes[type], `${type} has a scope mapping`);
  });

  it('registers in the client every command it contributes, and contributes every command it binds', () => {
    const registered = registeredCommands();
    const declared = new Set(contributes.commands.map((c) => c.command));
    for (const command of contributes.commands) {
      assert.ok(registered.has(command.command), `${command.command} is registered by client/src`);
      assert.equal(command.category, 'Seed Annotator', `${command.command} is grouped under Seed Annotator`);
      assert.ok(command.title.length > 0);
    }
    for (const id of registered) assert.ok(declared.has(id), `${id} (registered) is declared in contributes.commands`);
    const bound = [...Object.values(contributes.menus).flat(), ...contributes.keybindings];
    for (const entry of bound) assert.ok(declared.has(entry.command), `${entry.command} (menu/keybinding) is declared`);
    for (const id of Object.values(protocol.ClientTagCommands))
      assert.ok(declared.has(id), `${id} (server code actions call it) is declared`);
  });

  it('gives every setting a default that fits its schema, matching the server defaults', () => {
    const properties = contributes.configuration.properties;
    for (const [key, schema] of Object.entries(properties)) {
      assert.ok(key.startsWith('seedAnnotator.'), key);
      const value = schema.default;
      if (schema.type === 'array') {
        assert.ok(Array.isArray(value) && value.every((item) => typeof item === schema.items?.type), `${key} default`);
      } else if (schema.type === 'number') {
        assert.ok(typeof value === 'number' && value >= (schema.minimum ?? -Infinity), `${key} default`);
      } else {
        assert.equal(typeof value, schema.type, `${key} default is a ${schema.type}`);
      }
      if (schema.enum) assert.ok(schema.enum.includes(value as string), `${key} default is one of its values`);
    }
    const defaults = protocol.DEFAULT_SETTINGS;
    assert.deepEqual(properties['seedAnnotator.filePatterns'].default, defaults.filePatterns);
    assert.equal(properties['seedAnnotator.maxFileSizeKb'].default, defaults.maxFileSizeKb);
    for (const [name, value] of Object.entries(defaults.diagnostics)) {
      assert.equal(properties[`seedAnnotator.diagnostics.${name}`]?.default, value, `diagnostics.${name}`);
    }
    assert.ok(properties['seedAnnotator.tags'], 'the tag vocabulary is a setting');
    assert.deepEqual(properties['seedAnnotator.trace.server'].enum, ['off', 'messages', 'verbose']);
  });

  it('points at files that exist and parse: grammar, language configuration, schema, icon, main bundle', () => {
    const [grammar] = contributes.grammars;
    const parsed = readJson<{ scopeName: string }>(grammar.path);
    assert.equal(parsed.scopeName, grammar.scopeName);
    assert.equal(grammar.language, protocol.LANGUAGE_ID);
    const language = contributes.languages.find((l) => l.id === protocol.LANGUAGE_ID);
    assert.ok(language);
    readJson<unknown>(language.configuration);
    for (const validation of contributes.jsonValidation) readJson<unknown>(validation.url);
    for (const container of contributes.viewsContainers.activitybar) assert.ok(existsSync(path.join(root, container.icon)), container.icon);
    assert.equal(manifest.main, './dist/client.js');
    const viewIds = Object.values(contributes.views)
      .flat()
      .map((v) => v.id);
    assert.deepEqual(viewIds, ['seedAnnotator.speakers', 'seedAnnotator.tags', 'seedAnnotator.codebook']);
    assert.ok(manifest.activationEvents.includes(`onLanguage:${protocol.LANGUAGE_ID}`));
  });

  it('gives the seed language to exactly the patterns the server indexes, and they pick the right files', () => {
    const language = contributes.languages.find((l) => l.id === protocol.LANGUAGE_ID);
    assert.ok(language);
    // The editor's patterns are the server's: one list, so the two can never disagree about what a seed is.
    assert.deepEqual(language.filenamePatterns, DEFAULT_SEED_PATTERNS);
    // Decided by the server's own matcher (paths relative to the workspace folder). VS Code's matcher is exercised
    // on the same names in the integration suite (test/integration/suite/language.ts).
    const matcher = new SeedFileMatcher();
    for (const name of readdirSync(path.join(root, 'seeds')).filter((n) => n.endsWith('.txt'))) {
      assert.ok(matcher.matches(path.join('seeds', name)), `seeds/${name}`);
    }
    assert.ok(matcher.matches('corpus/seeds/any-article.txt'));
    assert.ok(matcher.matches('scrape/017_0123456789abcdef.txt'));
    assert.ok(!matcher.matches('scrape/017_0123456789abcdeg.txt'), 'not hex');
    assert.ok(!matcher.matches('scrape/17_0123456789abcdef.txt'), 'two digits');
    assert.ok(!matcher.matches('notes.txt'));
    assert.ok(!matcher.matches('seeds/nested/article.txt'), 'only files directly under seeds/');
  });

  it('declares limited support for untrusted workspaces, saying what is turned off', () => {
    const { untrustedWorkspaces } =
      (manifest as { capabilities?: { untrustedWorkspaces?: { supported?: unknown; description?: string } } }).capabilities ?? {};
    assert.equal(untrustedWorkspaces?.supported, 'limited');
    assert.match(untrustedWorkspaces?.description ?? '', /read-only.*nothing is written/);
  });
});
