package dev.megaplan.cloud.core.internal.yaml;

/** Builds the dotted field paths messages name ({@code ssh.port}, {@code extra_repos[1].url}). */
public final class YamlPaths {
  private YamlPaths() {}

  /**
   * The path of a mapping entry.
   *
   * @param parent the mapping's path, empty for the document
   * @param key the key
   * @return the child path
   */
  public static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /**
   * The path of a list item.
   *
   * @param parent the list's path
   * @param index the zero-based index
   * @return the item path
   */
  public static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
