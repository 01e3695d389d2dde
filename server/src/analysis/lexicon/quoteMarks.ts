// The quotation marks the analysis reads, listed once. Which marks open a quote depends on where one stands,
// so the slices are named here from one list, instead of each module keeping a copy that could drift.

/** Marks that open a quotation in English and continental styles: “…”, "…", «…», „…“, ‘…’. */
const OPENERS = ['“', '"', '«', '„', '‘'];

/** Marks a quote opens with, in any of the common styles. */
export const OPENING_QUOTE_MARKS: ReadonlySet<string> = new Set(OPENERS);
/** Every double or single quotation mark, opening or closing (the straight apostrophe aside). */
export const QUOTE_MARKS: ReadonlySet<string> = new Set([...OPENERS, '”', '»', '’']);
/** Marks a sentence may open with: the quote openers and a straight apostrophe ('…'). */
export const SENTENCE_OPENING_MARKS: ReadonlySet<string> = new Set([...OPENERS, "'"]);
/**
 * Marks that may open a quote when styles are mixed: the straight apostrophe, and the closing marks some
 * languages open with (Swedish and Finnish ”…”, Danish and German »…«).
 */
export const ANY_STYLE_OPENING_MARKS: ReadonlySet<string> = new Set([...OPENERS, "'", '»', '”']);
