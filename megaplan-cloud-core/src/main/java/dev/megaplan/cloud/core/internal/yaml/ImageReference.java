package dev.megaplan.cloud.core.internal.yaml;

import java.util.regex.Pattern;

/**
 * The grammar of a Docker image reference, {@code [registry[:port]/]path[:tag][@digest]}, as the
 * Docker engine parses it: lower-case path components, a tag of at most 128 word characters, dots
 * and dashes, a digest {@code algorithm:hex}. Checked at load so a typo fails before any build or
 * deploy starts.
 */
final class ImageReference {
  private static final String DOMAIN_COMPONENT =
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String DOMAIN =
      DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String NAME =
      "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
  private static final String TAG = "[\\w][\\w.-]{0,127}";
  private static final String DIGEST =
      "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
  private static final Pattern REFERENCE =
      Pattern.compile(NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");
  private static final int MAX_NAME_LENGTH = 255;

  private ImageReference() {}

  /**
   * Whether {@code text} is a well-formed image reference.
   *
   * @param text the reference as written
   * @return true when the engine would accept it
   */
  static boolean isValid(String text) {
    return REFERENCE.matcher(text).matches() && name(text).length() <= MAX_NAME_LENGTH;
  }

  /** The repository name: the reference without its digest and tag. */
  private static String name(String reference) {
    int at = reference.indexOf('@');
    String withoutDigest = at < 0 ? reference : reference.substring(0, at);
    int colon = withoutDigest.lastIndexOf(':');
    return colon > withoutDigest.lastIndexOf('/')
        ? withoutDigest.substring(0, colon)
        : withoutDigest;
  }
}
