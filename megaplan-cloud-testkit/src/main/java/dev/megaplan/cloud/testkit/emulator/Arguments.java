package dev.megaplan.cloud.testkit.emulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags of one emulator call. Only the flags a command declares are accepted; anything else (an
 * unknown flag, a positional word, a flag without its value) makes the whole call unsupported.
 */
final class Arguments {
  private final Map<String, String> values = new HashMap<>();
  private final Set<String> switches = new HashSet<>();
  private final String commandText;

  private Arguments(String commandText) {
    this.commandText = commandText;
  }

  /**
   * Parses {@code args} from index {@code from}.
   *
   * @param valueFlags flags followed by a value ({@code --spec S} or {@code --spec=S})
   * @param switchFlags flags that stand alone
   * @throws EmulatorException (exit 2) {@code unsupported command: <the whole call>}
   */
  static Arguments parse(
      List<String> args, int from, List<String> valueFlags, List<String> switchFlags) {
    Arguments parsed = new Arguments(String.join(" ", args));
    for (int i = from; i < args.size(); i++) {
      String arg = args.get(i);
      int equals = arg.indexOf('=');
      String flag = equals > 0 && arg.startsWith("--") ? arg.substring(0, equals) : arg;
      if (valueFlags.contains(flag)) {
        if (equals > 0 && arg.startsWith("--")) {
          parsed.values.put(flag, arg.substring(equals + 1));
        } else if (i + 1 < args.size()) {
          parsed.values.put(flag, args.get(++i));
        } else {
          throw parsed.unsupported();
        }
      } else if (switchFlags.contains(arg)) {
        parsed.switches.add(arg);
      } else {
        throw parsed.unsupported();
      }
    }
    return parsed;
  }

  /** The error every call outside the emulated command line gets. */
  static EmulatorException unsupported(List<String> args) {
    return EmulatorException.usage(
        "unsupported command: " + (args.isEmpty() ? "(none)" : String.join(" ", args)));
  }

  /** The value of {@code flag}; exit 2 naming the flag when it is absent or empty. */
  String required(String flag, String command) {
    String value = values.get(flag);
    if (value == null || value.isEmpty()) {
      throw EmulatorException.usage(command + " requires " + flag);
    }
    return value;
  }

  /** The value of {@code flag}, or {@code null}. */
  String optional(String flag) {
    return values.get(flag);
  }

  /** Whether the switch {@code flag} was given; exit 2 naming it when {@code required}. */
  boolean has(String flag) {
    return switches.contains(flag);
  }

  /** Fails with exit 2 unless the switch {@code flag} was given. */
  void requireSwitch(String flag, String command) {
    if (!switches.contains(flag)) {
      throw EmulatorException.usage(command + " requires " + flag);
    }
  }

  private EmulatorException unsupported() {
    return EmulatorException.usage("unsupported command: " + commandText);
  }
}
