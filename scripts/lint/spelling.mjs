// One spelling of each domain word in the project's own code, comments and docs: the American one, as in the JSON
// contract (speaker kind `organization`) and the CLI (`analyze`). `node scripts/lint/spelling.mjs` lists the other
// spelling and exits 1; `--fix` rewrites it in place. Articles (seeds/, test/fixtures/) are news text and keep theirs,
// and so do word lists that read both spellings in articles (both forms within two lines) and the phrases below.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const self = path.relative(root, fileURLToPath(import.meta.url));

/**
 * The British forms, matched inside identifiers too (`isKnownOrganisation`, `onDidAnalyse`, `ORGANISATION_HEADS`),
 * up to the end of the word (`analyseMs` ends at the capital). "analyses" is left alone: it is also the plural of
 * "analysis". Built per letter case, since the end of a word is a change of case.
 */
const STEMS = [
  { head: 'organi', tails: ['ations', 'ation', 'ational', 'ers', 'er', 'ed', 'es', 'e', 'ing'] },
  { head: 'analy', tails: ['ers', 'er', 'ed', 'e', 'ing'] },
];
const BRITISH = new RegExp(
  STEMS.flatMap(({ head, tails }) => {
    const capital = head[0].toUpperCase() + head.slice(1);
    const lower = `(?:${head}|${capital})s(?:${tails.join('|')})(?![a-z])`;
    const upper = `${head.toUpperCase()}S(?:${tails.map((t) => t.toUpperCase()).join('|')})(?![A-Z])`;
    return [lower, upper];
  }).join('|'),
  'g',
);

/** The letter that differs: organi|s|ation, analy|s|e. */
function respelled(word) {
  const at = /^organi/i.test(word) ? 6 : 5;
  return word.slice(0, at) + (word[at] === 'S' ? 'Z' : 'z') + word.slice(at + 1);
}

/** Article text quoted in tests, and a deliberately British command name that must stay unknown to the CLI. */
const ALLOWED_PHRASES = [
  'the organisation said',
  '"the organisation"',
  'union organiser said',
  'organiser Rita Sousa',
  "'analyse', 'seeds'",
];

const CHECKED = /\.(ts|mts|cts|mjs|cjs|js|md|json)$/;
const SKIPPED = [
  /^seeds\//,
  /^server\/src\/analysis\/lexicon\/generated\//,
  /^test\/fixtures\//,
  /^examples\//,
  /^bench\//,
  /^dist\//,
  /(^|\/)node_modules\//,
  /^package-lock\.json$/,
];

function projectFiles() {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  return listed
    .split('\n')
    .filter((file) => CHECKED.test(file) && !SKIPPED.some((skip) => skip.test(file)) && file !== self)
    .filter((file) => fs.existsSync(path.join(root, file)));
}

/** Lines around a word-list item where the other form makes it part of the list (one item a line once formatted). */
const LIST_REACH = 2;

/** The other-spelling words of lines[index] that count, each with its column (1-based) and replacement. */
function findings(lines, index) {
  const line = lines[index];
  const nearby = lines.slice(Math.max(0, index - LIST_REACH), index + LIST_REACH + 1).join('\n');
  const found = [];
  for (const match of line.matchAll(BRITISH)) {
    const word = match[0];
    const replacement = respelled(word);
    // A list of words to find in articles reads both spellings: an item of it, with the other form close by.
    if (
      isListItem(line, match.index, word.length) &&
      new RegExp(`(?<![\\p{L}\\p{N}_])${replacement}(?![\\p{L}\\p{N}_])`, 'u').test(nearby)
    ) {
      continue;
    }
    if (ALLOWED_PHRASES.some((phrase) => phraseCovers(line, phrase, match.index))) continue;
    found.push({ column: match.index + 1, word, replacement });
  }
  return found;
}

/** A quoted item ('organisation',) or a word of a line that holds nothing but lower-case words (a template list). */
function isListItem(line, at, length) {
  const before = line[at - 1];
  const after = line[at + length];
  if ((before === "'" || before === '"') && after === before) return true;
  return /^\s*[\p{Ll}\s'’-]+$/u.test(line);
}

function phraseCovers(line, phrase, at) {
  for (let start = line.indexOf(phrase); start >= 0; start = line.indexOf(phrase, start + 1)) {
    if (start <= at && at < start + phrase.length) return true;
  }
  return false;
}

const fix = process.argv.includes('--fix');
let count = 0;
let changedFiles = 0;
for (const file of projectFiles()) {
  const full = path.join(root, file);
  const lines = fs.readFileSync(full, 'utf8').split('\n');
  let changed = false;
  lines.forEach((line, index) => {
    const found = findings(lines, index);
    if (found.length === 0) return;
    count += found.length;
    if (!fix) {
      for (const f of found) console.log(`${file}:${index + 1}:${f.column}: "${f.word}" is spelled "${f.replacement}" in this project`);
      return;
    }
    // Right to left, so earlier columns stay valid.
    let fixed = line;
    for (const f of [...found].reverse()) fixed = fixed.slice(0, f.column - 1) + f.replacement + fixed.slice(f.column - 1 + f.word.length);
    lines[index] = fixed;
    changed = true;
  });
  if (changed) {
    fs.writeFileSync(full, lines.join('\n'));
    changedFiles += 1;
  }
}
if (fix) {
  console.log(`spelling: ${count} word(s) respelled in ${changedFiles} file(s)`);
} else if (count > 0) {
  console.log(`spelling: ${count} word(s) in the other spelling; \`npm run format\` respells them`);
  process.exitCode = 1;
}
