// Folds text for comparison across articles: case, accents, punctuation and quote marks do not make two names
// or two quotes different ("Mevlüt Çavuşoğlu" = "Mevlut Cavusoglu").

/** Letters that NFKD does not decompose into a base letter plus a mark. */
const UNDECOMPOSED: Record<string, string> = {
  ı: 'i',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ħ: 'h',
};

/** The words of a text, lower-cased, without accents or punctuation (apostrophes join: "Kremlin's" → "kremlins"). */
export function foldedWords(text: string): string[] {
  // Most scraped English is plain ASCII: it needs neither decomposition nor the Unicode-aware split.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/['`]/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0);
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłđðøæœßþħ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/['’ʼ`´]/g, '');
  return plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

const ASCII = /^[\x00-\x7f]*$/;
/** Names repeat across thousands of files: each is folded once (the memo is dropped when it grows large). */
const keys = new Map<string, string>();
const MAX_KEYS = 100_000;

/** One key per name: the folded words joined by single spaces. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear();
    key = foldedWords(name).join(' ');
    keys.set(name, key);
  }
  return key;
}
