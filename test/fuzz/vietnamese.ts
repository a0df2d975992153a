/**
 * Is a text the user sees Vietnamese with full diacritics? Used on the messages in the source
 * (test/messages.test.ts) and on every dialog, note and Nhật ký line the fuzz produces.
 *
 * User values and header names are quoted «like this» in messages and may be anything, so quoted
 * parts are left out; so are HTML tags, URLs, e-mail addresses and numbers. What remains must be
 * NFC, use no English function words, and, when it has two words or more, carry Vietnamese
 * diacritics (a sentence without any is either English or Vietnamese typed without accents).
 */

const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** English words that are not also Vietnamese syllables written without accents. */
const ENGLISH = new Set([
  'the',
  'and',
  'of',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'not',
  'for',
  'with',
  'this',
  'that',
  'from',
  'please',
  'error',
  'failed',
  'cannot',
  'could',
  'unexpected',
  'invalid',
  'missing',
  'sheet',
  'row',
  'rows',
  'column',
  'found',
  'try',
  'again',
  'undefined',
  'null',
  'nan',
  'function',
  'object',
  'exception',
  'permission',
  'permissions',
  'required',
  'value',
  'date',
  'number',
  'header',
  'lock',
  'timeout',
  'should',
  'must',
  'does',
  'has',
  'have',
  'your',
  'you',
  'done',
  'success',
  'warning',
  'report',
  'task',
  'tasks',
]);

const QUOTED = /«[^»]*»/g;
const NOISE = [
  /<[^>]*>/g, // HTML tags (mail bodies)
  /\bhttps?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /\d+([.,:/–-]\d+)*/g,
  /&[a-z]+;|&#\d+;/g, // HTML entities
  /#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|ERROR!|NUM!|NULL!)/g, // error values of cells
];

/** The words of a text once quoted values, markup, URLs, addresses and numbers are removed. */
export function wordsOf(text: string): string[] {
  let s = text.replace(QUOTED, ' ');
  for (const re of NOISE) s = s.replace(re, ' ');
  return s.match(/\p{L}+/gu) ?? [];
}

/** Why `text` is not acceptable Vietnamese for a user ([] when it is), in English for the test output. */
export function vietnameseProblems(text: string): string[] {
  const problems: string[] = [];
  if (text !== text.normalize('NFC')) problems.push('not NFC');
  const words = wordsOf(text);
  const english = words.filter((w) => ENGLISH.has(w.toLowerCase()));
  if (english.length) problems.push(`English words: ${english.join(', ')}`);
  if (words.length >= 2 && !words.some((w) => VIETNAMESE_LETTER.test(w))) problems.push('no Vietnamese diacritics');
  return problems;
}
