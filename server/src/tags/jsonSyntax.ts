// Finds where a JSON text first breaks the grammar. JSON.parse says *that* it failed, but V8's messages do not
// always say where; a user fixing a sidecar by hand needs the line and column.

/** Offset (UTF-16) of the first syntax error in `text`, or -1 when it is valid JSON. */
export function firstJsonError(text: string): number {
  let i = 0;
  const fail = (at: number): never => {
    throw new SyntaxAt(at);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(i);
  };
  const string = () => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) fail(i);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail(i);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(i);
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(i);
      } else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail(i);
    i += m![0].length;
  };
  let depth = 0;
  const value = (): void => {
    space();
    const c = text[i] ?? '';
    // No sidecar nests deeper than a few levels; past this, point at the nesting rather than overflow the stack.
    if ((c === '{' || c === '[') && depth >= MAX_DEPTH) fail(i);
    depth++;
    try {
      nested(c);
    } finally {
      depth--;
    }
  };
  const nested = (c: string): void => {
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') fail(i);
        string();
        space();
        if (text[i] !== ':') fail(i);
        i++;
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(i);
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(i);
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else fail(i);
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (err) {
    if (err instanceof SyntaxAt) return err.at;
    throw err;
  }
}

const MAX_DEPTH = 1_000;

/** Thrown from deep in the scan to unwind to `firstJsonError`, which returns its offset; never seen outside. */
class SyntaxAt extends Error {
  constructor(readonly at: number) {
    super(`JSON syntax error at offset ${at}`);
  }
}
