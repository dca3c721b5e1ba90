/** Most entries an error lists in `details.errors`; `details.errorCount` then says how many there were. */
export const MAX_ERROR_DETAILS = 20;

/** Longest text (a field path, a message) an error echoes back from the input. */
export const MAX_ECHOED_TEXT = 300;

/** `text` cut to `max` characters, marked with an ellipsis when cut. */
export function shorten(text: string, max = MAX_ECHOED_TEXT): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Details whose `errors` list holds at most MAX_ERROR_DETAILS entries: a longer list is cut, and
 * `errorCount` gives its length. Anything else is returned as it is.
 */
export function capErrorList(details: unknown): unknown {
  if (details === null || typeof details !== 'object') return details;
  const errors = (details as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length <= MAX_ERROR_DETAILS) return details;
  return { ...details, errors: errors.slice(0, MAX_ERROR_DETAILS), errorCount: errors.length };
}
