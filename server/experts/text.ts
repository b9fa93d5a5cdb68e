/**
 * Query text for the expert finder: the words of a question that say what it is about. Questions arrive
 * as sentences in any of the network's languages ("Qui peut aider sur le compostage ?"), so the words
 * every question shares ("who", "help", "qui", "aider", "من") are dropped before anything is matched.
 * Normalisation mirrors the database's (`grove_unaccent(lower(...))`), plus a light Arabic folding of
 * letter variants and the article, so that the same word written two ways still meets.
 */

/** Function words and question phrasing in en, fr, es and ar; none of them says what a question is about. */
const STOP_WORDS = new Set(
  [
    // en
    'a an and any anyone are about as at be best can could do does for from get good has have help helps how i in',
    'is it know knows me my need of on or our people person please someone that the this to we what where which who',
    'whom with would you your expert experts experience experienced advice question questions ask tell more',
    // fr
    'au aux avec ce ces comment conseil conseils d de des du en est et experience expert experte experts il je l la le',
    'les ma mes mon ou par peut peuvent pour qui quoi quel quelle quelqu quelqu un qu sa se sur un une vous nous aide',
    'aider connait connaissez savoir cherche besoin question',
    // es
    'al algo alguien ayuda ayudar como con cual de del el en es esta experiencia experto experta expertos la las lo',
    'los me mi necesito o para por puede pueden que quien quienes sabe saber se sobre su un una y busco pregunta consejo',
    // ar (after folding: alef variants to ا, ة to ه, ى to ي)
    'من في على عن الي مع هل ما ماذا كيف اي او و يمكن يمكنه يمكنها يستطيع المساعده مساعده يساعد يساعدني خبير خبيره',
    'خبراء خبره لدي لديه عندي اريد ابحث عن هو هي هذا هذه ذلك التي الذي',
  ]
    .join(' ')
    .split(' '),
);

/** Arabic prefixes (conjunction, preposition, article) removed from longer words: "بالتنقيط" -> "تنقيط". */
const ARABIC_PREFIX = /^(?:وال|بال|كال|فال|لل|ال)(?=.{2,})/u;

/** Lower case, no accents, Arabic letter variants folded: the form every comparison uses. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[أإآٱ]/gu, 'ا')
    .replace(/ة/gu, 'ه')
    .replace(/ى/gu, 'ي')
    .normalize('NFC');
}

/** One word as matched against another: Arabic words lose their prefixed article or preposition. */
export function stem(word: string): string {
  return /\p{Script=Arabic}/u.test(word) ? word.replace(ARABIC_PREFIX, '') : word;
}

/** The words of `text`, normalised, in order (stop words included). */
export function words(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean);
}

export const isStopWord = (word: string): boolean => STOP_WORDS.has(word) || STOP_WORDS.has(stem(word));

/** The words that carry the meaning of a question, stemmed, without repeats. */
export function contentWords(text: string): string[] {
  const kept = words(text).filter((word) => !isStopWord(word) && (word.length > 1 || /\p{N}/u.test(word)));
  return [...new Set(kept.map(stem))];
}

/** Levenshtein distance, or `limit + 1` as soon as it is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * Two words are the same word when equal, when one extends the other by a short inflection
 * ("irrigation" / "irrigations", "compost" / "composting": a shared stem of at least five letters, six
 * for a three-letter ending, so that "pilot" does not become French "pilotage"), or when a typo apart:
 * one edit in words of five letters or more, two from nine ("irigation").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const ending = long.length - short.length;
  if (long.startsWith(short) && ending <= 3 && short.length >= (ending === 3 ? 6 : 5)) return true;
  if (short.length < 5) return false;
  const allowed = short.length >= 9 ? 2 : 1;
  return editDistance(short, long, allowed) <= allowed;
}

/**
 * The meaningful words of a question as written (lower case, accents kept), for the database, which
 * applies its own normalisation (`grove_unaccent`) to both sides.
 */
export function searchWords(text: string): string[] {
  const written = text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}&]+/u)
    .filter(Boolean);
  return [...new Set(written.filter((word) => !isStopWord(normalise(word)) && (normalise(word).length > 1 || /\p{N}/u.test(word))))];
}
