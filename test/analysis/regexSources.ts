// Every regular expression written in the server's sources, found with the TypeScript compiler (not a regex over
// the source, which cannot tell a pattern from a string or a comment): regex literals, and `new RegExp(...)` /
// `RegExp(...)` whose pattern the compiler can spell out — string literals, templates and `+` concatenations of
// literals and of `const` strings, followed through imports with the type checker.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface FoundRegex {
  /** `server/src/…/file.ts:line`, for the failure message. */
  where: string;
  source: string;
  flags: string;
}

export interface RegexInventory {
  found: FoundRegex[];
  /** `new RegExp` calls whose pattern is computed at run time and so cannot be checked here. */
  dynamic: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The string a constant expression spells, or null when part of it is only known at run time. `path` holds the
 * constants being expanded, so a constant defined through itself ends the walk. */
function constantString(node: ts.Expression, checker: ts.TypeChecker, path = new Set<ts.Node>()): string | null {
  if (path.has(node)) return null;
  path.add(node);
  try {
    return spelled(node, checker, path);
  } finally {
    path.delete(node);
  }
}

function spelled(node: ts.Expression, checker: ts.TypeChecker, seen: Set<ts.Node>): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return constantString(node.expression, checker, seen);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constantString(node.left, checker, seen);
    const right = left === null ? null : constantString(node.right, checker, seen);
    return left === null || right === null ? null : left + right;
  }
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const value = constantString(span.expression, checker, seen);
      if (value === null) return null;
      text += value + span.literal.text;
    }
    return text;
  }
  if (ts.isIdentifier(node)) {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (declaration === undefined || !ts.isVariableDeclaration(declaration) || declaration.initializer === undefined) return null;
    if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return null;
    return constantString(declaration.initializer, checker, seen);
  }
  return null;
}

function isRegExpCall(node: ts.Node): node is ts.NewExpression | ts.CallExpression {
  return (ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp';
}

/** Every regex in the `.ts` files under `dir`, in file order; `where` is relative to `root`. */
export function regexesUnder(dir: string, root: string): RegexInventory {
  const files = sourceFiles(dir).sort();
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, noResolve: false, allowJs: false });
  const checker = program.getTypeChecker();
  const inventory: RegexInventory = { found: [], dynamic: [] };
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (sf === undefined) throw new Error(`TypeScript did not load ${file}`);
    const where = (node: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = (node as ts.RegularExpressionLiteral).text;
        const slash = literal.lastIndexOf('/');
        inventory.found.push({ where: where(node), source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
      } else if (isRegExpCall(node)) {
        const [pattern, flags] = node.arguments ?? [];
        const source = pattern === undefined ? null : constantString(pattern, checker);
        const flagText = flags === undefined ? '' : constantString(flags, checker);
        if (source === null || flagText === null) inventory.dynamic.push(where(node));
        else inventory.found.push({ where: where(node), source, flags: flagText });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return inventory;
}
