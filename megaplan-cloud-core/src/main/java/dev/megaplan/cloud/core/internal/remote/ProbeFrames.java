package dev.megaplan.cloud.core.internal.remote;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.provider.ExecResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The framed answer of the chain status probe: file contents and command outputs exactly as they
 * are, each in a record, so the script needs no encoder process per value (a base64 pipeline per
 * value was most of the probe's forks). A record is a newline, the marker {@value #MARKER_TEXT}, a
 * header of words ({@code file state present}, {@code out runner}, {@code err runner 1}…) and a
 * newline; its payload is every byte up to the newline that starts the next record. An answer is
 * one or more sections, each opened by {@code probe <name>} and closed by {@code end}; anything
 * before the first record (a login banner, a profile's chatter) is ignored. A payload holding the
 * marker itself after a newline would be cut there; no chain state, spec or megaplan answer does.
 */
final class ProbeFrames {
  /** The marker that opens a record's header line. */
  static final String MARKER_TEXT = "@@megaplan-probe@@ ";

  private static final String MARKER = "\n" + MARKER_TEXT;

  /**
   * POSIX sh functions of the framed scripts, plain text with no interpolated value: {@code rec
   * WORDS…} prints a record header; {@code file_rec NAME PATH} a file's record ({@code present} and
   * its bytes, {@code absent} or {@code unreadable}); {@code capture NAME CMD…} runs a command,
   * streams its stdout as an {@code out NAME} record, then prints {@code err NAME EXIT} and its
   * stderr. Two processes per capture: the substitution that collects stderr and the command. The
   * command runs in that substitution, so a shell function that may {@code exit} must have a
   * subshell body ({@code name() ( … )}), or its exit status is lost.
   */
  static final String FUNCTIONS =
      "M='\n"
          + MARKER_TEXT
          + "'\n"
          + "NL='\n'\n"
          + "rec() { printf '%s%s\\n' \"$M\" \"$*\"; }\n"
          + "file_rec() {\n"
          + "  if [ ! -e \"$2\" ]; then rec file \"$1\" absent\n"
          + "  elif [ -f \"$2\" ] && [ -r \"$2\" ]; then rec file \"$1\" present; cat < \"$2\"\n"
          + "  else rec file \"$1\" unreadable; fi\n"
          + "}\n"
          + "capture() {\n"
          + "  cap_name=$1\n"
          + "  shift\n"
          + "  rec out \"$cap_name\"\n"
          + "  { cap_err=$(\"$@\" 2>&1 >&3 3>&-; printf '\\n%d' \"$?\"); } 3>&1\n"
          + "  rec err \"$cap_name\" \"${cap_err##*\"$NL\"}\"\n"
          + "  printf '%s' \"${cap_err%\"$NL\"*}\"\n"
          + "}\n";

  /** One record: its header words and its payload. */
  record Frame(List<String> header, String payload) {
    boolean is(String... words) {
      if (header.size() < words.length) {
        return false;
      }
      for (int i = 0; i < words.length; i++) {
        if (!header.get(i).equals(words[i])) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Frame> frames;

  private ProbeFrames(List<Frame> frames) {
    this.frames = frames;
  }

  /**
   * The records of one section of an answer.
   *
   * @param result what the command returned
   * @param what how errors name the probe, for example {@code chain status probe}
   * @param section the section's name ({@code probe <name>})
   * @return the section's records, without its opening and closing ones
   * @throws CloudException {@code provider_failed} when the section is missing or was cut short
   */
  static ProbeFrames section(ExecResult result, String what, String section) {
    List<Frame> all = frames(result.stdout());
    int start = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).is("probe", section)) {
        start = i;
        break;
      }
    }
    if (start < 0) {
      throw ProbeJson.unparseable(what, result, "no " + section + " probe answer on stdout");
    }
    for (int i = start + 1; i < all.size(); i++) {
      if (all.get(i).is("end")) {
        return new ProbeFrames(List.copyOf(all.subList(start + 1, i)));
      }
      if (all.get(i).is("probe")) {
        break;
      }
    }
    throw ProbeJson.unparseable(what, result, "the " + section + " probe answer was cut short");
  }

  /** Whether the answer has a section of this name. */
  static boolean hasSection(ExecResult result, String section) {
    return frames(result.stdout()).stream().anyMatch(frame -> frame.is("probe", section));
  }

  private static List<Frame> frames(String stdout) {
    List<Frame> frames = new ArrayList<>();
    String text = stdout.startsWith(MARKER_TEXT) ? "\n" + stdout : stdout;
    int at = text.indexOf(MARKER);
    while (at >= 0) {
      int headerStart = at + MARKER.length();
      int next = text.indexOf(MARKER, headerStart);
      int end = next < 0 ? text.length() : next;
      int newline = text.indexOf('\n', headerStart);
      String header;
      String payload;
      if (newline < 0 || newline >= end) {
        header = text.substring(headerStart, end);
        payload = "";
      } else {
        header = text.substring(headerStart, newline);
        payload = text.substring(newline + 1, end);
      }
      frames.add(new Frame(List.of(header.strip().split(" +")), payload));
      at = next;
    }
    return frames;
  }

  /** The first record whose header starts with these words. */
  Optional<Frame> find(String... words) {
    return frames.stream().filter(frame -> frame.is(words)).findFirst();
  }

  /**
   * A {@code file_rec} record's content.
   *
   * @param name the record's name
   * @param unreadable collects the names of files that exist but cannot be read
   * @return the content, empty when the file is absent or unreadable
   */
  Optional<String> file(String name, List<String> unreadable) {
    Optional<Frame> frame = find("file", name);
    if (frame.isEmpty()) {
      return Optional.empty();
    }
    List<String> header = frame.get().header();
    String state = header.size() > 2 ? header.get(2) : "absent";
    if (state.equals("unreadable")) {
      unreadable.add(name);
      return Optional.empty();
    }
    return state.equals("present") ? Optional.of(frame.get().payload()) : Optional.empty();
  }

  /**
   * A {@code capture} record pair's exit status and outputs; a capture that did not finish reads as
   * exit -1 with what it printed.
   *
   * @param name the capture's name
   * @return the outputs
   */
  StatusProbeResult.CommandOutput output(String name) {
    String stdout = find("out", name).map(Frame::payload).orElse("");
    Optional<Frame> err = find("err", name);
    int exit = -1;
    if (err.isPresent() && err.get().header().size() > 2) {
      try {
        exit = Integer.parseInt(err.get().header().get(2));
      } catch (NumberFormatException e) {
        exit = -1;
      }
    }
    return new StatusProbeResult.CommandOutput(exit, stdout, err.map(Frame::payload).orElse(""));
  }

  /** Whether a record with this header exists. */
  boolean has(String... words) {
    return find(words).isPresent();
  }
}
