package dev.megaplan.cloud.core.internal.remote;

/**
 * POSIX sh helper functions shared by the probe scripts. Each is plain text with no interpolated
 * value, so sharing them does not spread quoting around.
 */
final class ShellSnippets {
  /**
   * {@code b64}: base64 of stdin on one line (coreutils and busybox both wrap at 76 columns, so
   * newlines are removed). {@code b64s STRING}: the same for a string argument.
   */
  static final String BASE64_FUNCTIONS =
      "b64() { base64 | tr -d '\\n'; }\n" + "b64s() { printf '%s' \"$1\" | b64; }\n";

  /**
   * {@code capture CMD ARGS…}: runs the command and prints {@code "exit": N, "stdout": "…",
   * "stderr": "…"} (both outputs base64, byte-exact including trailing newlines).
   */
  static final String CAPTURE_FUNCTION =
      "capture() {\n"
          + "  cap_err=$( { cap_out=$(\"$@\" 2>&3 3>&-; cap_rc=$?; echo x; exit \"$cap_rc\");"
          + " cap_rc=$?; cap_out=${cap_out%x};\n"
          + "    printf '\"exit\": %d, \"stdout\": \"%s\", ' \"$cap_rc\" \"$(b64s \"$cap_out\")\" >&4; }"
          + " 3>&1 | b64 )\n"
          + "  printf '\"stderr\": \"%s\"' \"$cap_err\"\n"
          + "} 4>&1\n";

  private ShellSnippets() {}
}
