package dev.megaplan.cloud.core.internal.redact;

/**
 * What a scan of a text that may continue (a window of an over-long line) left unfinished at its
 * end: a construct whose extent the rest of the line decides.
 */
enum Open {
  /** Nothing is unfinished. */
  NONE,
  /** An assignment's name, perhaps followed by spaces, with no separator yet. */
  BEFORE_SEPARATOR,
  /** An assignment's name and separator, perhaps followed by spaces, with no value yet. */
  AFTER_SEPARATOR,
  /** An unquoted assignment value that runs to the end. */
  VALUE,
  /** A quoted assignment value whose closing quote has not come yet. */
  QUOTED,
  /** A token shape whose body runs to the end. */
  TOKEN
}
