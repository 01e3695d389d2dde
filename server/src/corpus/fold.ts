// Folds text for comparison across articles: case, accents, punctuation and quote marks do not make two names
// or two quotes different ("Mevlüt Çavuşoğlu" = "Mevlut Cavusoglu").

/** Letters that NFKD does not decompose into a base letter plus a mark. */
const UNDECOMPOSED: Record<string, string> = {
  ı: 'i', ł: 'l', đ: 'd', ð: 'd', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th', ħ: 'h',
};

/** The words of a text, lower-cased, without accents or punctuation (apostrophes join: "Kremlin's" → "kremlins"). */
export function foldedWords(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ıłđðøæœßþħ]/g, (c) => UNDECOMPOSED[c] ?? c)
    .replace(/['’ʼ`´]/g, '');
  return plain.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** One key per name: the folded words joined by single spaces. */
export function nameKey(name: string): string {
  return foldedWords(name).join(' ');
}
