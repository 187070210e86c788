package dev.megaplan.cloud.core.internal.redact;

/**
 * The result of scanning one text: the regions to replace and, for a text that may continue, the
 * construct left unfinished at its end.
 */
final class Scan {
  final Masks masks = new Masks();

  /** Start of each mask's construct (an assignment's name), parallel to {@link #masks}. */
  private int[] anchors = new int[4];

  Open open = Open.NONE;

  /** Where the unfinished construct starts (an assignment's name, a token's prefix). */
  int openAnchor = -1;

  /** For {@link Open#QUOTED}: the quote character and whether a backslash is pending. */
  char quote;

  boolean escaped;

  /** For {@link Open#TOKEN}: which token shape. */
  TokenShape token;

  /** Scratch space of the assignment search: the next occurrence of each name. */
  int[] next = new int[0];

  /** Makes this scan empty again, for the next text, keeping its storage. */
  Scan reset() {
    masks.clear();
    open = Open.NONE;
    openAnchor = -1;
    quote = 0;
    escaped = false;
    token = null;
    return this;
  }

  void mask(int anchor, int start, int end) {
    int at = masks.add(start, end);
    if (anchors.length < masks.size()) {
      anchors = java.util.Arrays.copyOf(anchors, anchors.length * 2);
    }
    System.arraycopy(anchors, at, anchors, at + 1, masks.size() - 1 - at);
    anchors[at] = anchor;
  }

  int anchor(int i) {
    return anchors[i];
  }

  void open(Open kind, int anchor) {
    if (open == Open.NONE) {
      open = kind;
      openAnchor = anchor;
    }
  }
}
