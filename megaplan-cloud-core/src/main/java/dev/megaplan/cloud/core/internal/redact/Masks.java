package dev.megaplan.cloud.core.internal.redact;

import java.util.Arrays;

/**
 * The regions of one text that are to be replaced: sorted, disjoint {@code [start, end)} pairs.
 * Mutable, used by one scan.
 */
final class Masks {
  private int[] bounds = new int[8];
  private int count;

  int size() {
    return count;
  }

  int start(int i) {
    return bounds[2 * i];
  }

  int end(int i) {
    return bounds[2 * i + 1];
  }

  /** Forgets every region, keeping the storage. */
  void clear() {
    count = 0;
  }

  boolean isEmpty() {
    return count == 0;
  }

  /** Whether {@code [start, end)} shares a character with a mask. */
  boolean overlaps(int start, int end) {
    int i = lastStartingBefore(end);
    return i >= 0 && end(i) > start;
  }

  /** Whether the character at {@code index} is masked. */
  boolean covers(int index) {
    return overlaps(index, index + 1);
  }

  /** The start of the first mask at or after {@code index}, or {@code limit} when none. */
  int nextStart(int index, int limit) {
    int i = lastStartingBefore(index) + 1;
    return i < count ? Math.min(start(i), limit) : limit;
  }

  /** Adds a region that overlaps no existing one; returns its position in start order. */
  int add(int start, int end) {
    if (2 * count + 2 > bounds.length) {
      bounds = Arrays.copyOf(bounds, bounds.length * 2);
    }
    int at = lastStartingBefore(start) + 1;
    System.arraycopy(bounds, 2 * at, bounds, 2 * at + 2, 2 * (count - at));
    bounds[2 * at] = start;
    bounds[2 * at + 1] = end;
    count++;
    return at;
  }

  /** The index of the last mask whose start is below {@code position}, or -1. */
  private int lastStartingBefore(int position) {
    int low = 0;
    int high = count - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (start(mid) < position) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return high;
  }

  /** The last mask, or -1 when there is none. */
  int last() {
    return count - 1;
  }
}
