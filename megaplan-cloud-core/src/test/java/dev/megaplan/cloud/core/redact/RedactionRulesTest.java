package dev.megaplan.cloud.core.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.core.Redactor;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of spec 06, one table per rule, with the awkward cases. */
class RedactionRulesTest {
  private static final String R = "***REDACTED***";

  private static final Map<String, String> ENV =
      Map.of(
          "OPENAI_API_KEY", "openai-value-0001",
          "GITHUB_TOKEN", "short",
          "DB_PASS", "p4$$w0rd.+*?[x]",
          "LONG_SECRET", "supersecretvalue-EXTENDED",
          "SUB_SECRET", "supersecretvalue",
          "RU_SECRET", "Пароль-секрет-42",
          "PEM", "line-one-secret\r\nline-two-secret\nshort");

  private static final Redactor REDACTOR =
      Redactor.create(
          List.of(
              "OPENAI_API_KEY",
              "GITHUB_TOKEN",
              "DB_PASS",
              "LONG_SECRET",
              "SUB_SECRET",
              "RU_SECRET",
              "PEM",
              "a.b",
              "C+D",
              "$SECRET",
              "ÜBER_KEY"),
          ENV::get);

  private static Arguments row(String description, String input, String expected) {
    return Arguments.of(Named.of(description, input), expected);
  }

  static Stream<Arguments> assignments() {
    return Stream.of(
        row("equals", "OPENAI_API_KEY=abc123", "OPENAI_API_KEY=" + R),
        row("colon and space", "GITHUB_TOKEN: ghp_x", "GITHUB_TOKEN: " + R),
        row("spaces around equals", "GITHUB_TOKEN = abc", "GITHUB_TOKEN = " + R),
        row("tabs around colon", "GITHUB_TOKEN\t:\tabc def", "GITHUB_TOKEN\t:\t" + R + " def"),
        row(
            "value runs to whitespace",
            "export GITHUB_TOKEN=a;b|c rest",
            "export GITHUB_TOKEN=" + R + " rest"),
        row("short value", "GITHUB_TOKEN=x", "GITHUB_TOKEN=" + R),
        row(
            "in the middle of a line",
            "env: GITHUB_TOKEN=abc next",
            "env: GITHUB_TOKEN=" + R + " next"),
        row(
            "twice on a line",
            "GITHUB_TOKEN=a GITHUB_TOKEN=b",
            "GITHUB_TOKEN=" + R + " GITHUB_TOKEN=" + R),
        row("name glued to a word before", "MY_GITHUB_TOKEN=abc", "MY_GITHUB_TOKEN=abc"),
        row("name glued to a word after", "GITHUB_TOKENS=abc", "GITHUB_TOKENS=abc"),
        row("name after a dot", "x.GITHUB_TOKEN=abc", "x.GITHUB_TOKEN=" + R),
        row("name after a unicode letter", "éGITHUB_TOKEN=abc", "éGITHUB_TOKEN=abc"),
        row("name after an arrow", "→GITHUB_TOKEN=abc", "→GITHUB_TOKEN=" + R),
        row("unicode name", "ÜBER_KEY=geheim", "ÜBER_KEY=" + R),
        row("double quotes", "GITHUB_TOKEN=\"abc\"", "GITHUB_TOKEN=\"" + R + "\""),
        row(
            "single quotes with spaces",
            "GITHUB_TOKEN='a b c' rest",
            "GITHUB_TOKEN='" + R + "' rest"),
        row(
            "quotes after spaced colon",
            "GITHUB_TOKEN : \"abc\",",
            "GITHUB_TOKEN : \"" + R + "\","),
        row("empty quotes", "GITHUB_TOKEN=\"\" x", "GITHUB_TOKEN=\"\" x"),
        row(
            "escaped double quote",
            "GITHUB_TOKEN=\"a\\\"b\" tail",
            "GITHUB_TOKEN=\"" + R + "\" tail"),
        row(
            "backslash in single quotes",
            "GITHUB_TOKEN='a\\' tail",
            "GITHUB_TOKEN='" + R + "' tail"),
        row(
            "unclosed quote runs to line end",
            "GITHUB_TOKEN=\"abc def\nnext",
            "GITHUB_TOKEN=\"" + R + "\nnext"),
        row(
            "unclosed quote stops at CR",
            "GITHUB_TOKEN='abc\r\nnext",
            "GITHUB_TOKEN='" + R + "\r\nnext"),
        row("value stops at a quote", "GITHUB_TOKEN=ab\"cd\"", "GITHUB_TOKEN=" + R + "\"cd\""),
        row("newline after separator", "GITHUB_TOKEN=\nabc", "GITHUB_TOKEN=\nabc"),
        row("newline before separator", "GITHUB_TOKEN\n=abc", "GITHUB_TOKEN\n=abc"),
        row("CRLF after separator", "GITHUB_TOKEN = \r\nabc", "GITHUB_TOKEN = \r\nabc"),
        row("CRLF after value", "GITHUB_TOKEN=abc\r\nnext", "GITHUB_TOKEN=" + R + "\r\nnext"),
        row(
            "no-break space ends a value",
            "GITHUB_TOKEN=abc\u00a0tail",
            "GITHUB_TOKEN=" + R + "\u00a0tail"),
        row("unicode value", "GITHUB_TOKEN=pässwörd🔑 x", "GITHUB_TOKEN=" + R + " x"),
        row("no separator", "GITHUB_TOKEN is set", "GITHUB_TOKEN is set"),
        row("no value", "GITHUB_TOKEN=", "GITHUB_TOKEN="),
        row(
            "JSON key is not an assignment",
            "{\"GITHUB_TOKEN\": \"abc\"}",
            "{\"GITHUB_TOKEN\": \"abc\"}"),
        row("value holding another assignment", "DB_PASS=GITHUB_TOKEN=xyz", "DB_PASS=" + R),
        row("dot in a name is literal", "a.b=1 aXb=2", "a.b=" + R + " aXb=2"),
        row("plus in a name is literal", "C+D: 2 CCD: 3 CD: 4", "C+D: " + R + " CCD: 3 CD: 4"),
        row("dollar in a name is literal", "$SECRET=3 SECRET=4", "$SECRET=" + R + " SECRET=4"),
        row("name starting with a symbol needs no boundary", "x$SECRET=3", "x$SECRET=" + R));
  }

  static Stream<Arguments> literalValues() {
    return Stream.of(
        row("value in text", "key is openai-value-0001 ok", "key is " + R + " ok"),
        row("value inside a word", "xopenai-value-0001y", "x" + R + "y"),
        row("adjacent values", "openai-value-0001openai-value-0001", R + R),
        row("short value is not literal", "the short word", "the short word"),
        row("regex metacharacters are literal", "pw p4$$w0rd.+*?[x]!", "pw " + R + "!"),
        row("metacharacter is not a wildcard", "p4$$w0rdX+*?[x]", "p4$$w0rdX+*?[x]"),
        row("longest value first", "v=supersecretvalue-EXTENDED;", "v=" + R + ";"),
        row("contained value alone", "v supersecretvalue;", "v " + R + ";"),
        row("unicode value", "пароль: Пароль-секрет-42.", "пароль: " + R + "."),
        row(
            "each line of a multi-line value",
            "a line-one-secret b\nline-two-secret",
            "a " + R + " b\n" + R),
        row("short line of a multi-line value", "short", "short"),
        row("value at line end with CRLF", "x openai-value-0001\r\n", "x " + R + "\r\n"),
        row(
            "value after a redacted assignment",
            "GITHUB_TOKEN=abc openai-value-0001",
            "GITHUB_TOKEN=" + R + " " + R));
  }

  static Stream<Arguments> tokenShapes() {
    return Stream.of(
        row("openai token", "sk-abc123", R),
        row("openai token in a sentence", "token sk-abc_DEF-9 end", "token " + R + " end"),
        row("github token", "ghp_ABCdef123", R),
        row("slack token", "xoxb-123-456-abc", R),
        row("in parentheses", "(sk-abc)", "(" + R + ")"),
        row("in a query string", "url?k=sk-abc&x=1", "url?k=" + R + "&x=1"),
        row(
            "at line start and end",
            "sk-a one\ntwo ghp_b\nxoxb-c",
            R + " one\ntwo " + R + "\n" + R),
        row("before CRLF", "sk-abc\r\n", R + "\r\n"),
        row("inside a word", "task-force risk-free mysk-abc", "task-force risk-free mysk-abc"),
        row("after a unicode letter", "éghp_abc", "éghp_abc"),
        row("bare prefix", "sk- ghp_ xoxb-!", "sk- ghp_ xoxb-!"),
        row("trailing dash is not part of the word", "sk-abc- xoxb-1-2-", R + "- " + R + "-"),
        row("github token glued to an underscore", "ghp_abc_def", "ghp_abc_def"),
        row("followed by a unicode letter", "ghp_abcé", "ghp_abcé"),
        row("boundary between a dash and a unicode letter", "sk-ab-é", R + "é"),
        row("after a redacted value", "openai-value-0001sk-abc", R + R),
        row("inside an assignment value", "GITHUB_TOKEN=sk-abc", "GITHUB_TOKEN=" + R));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void assignments(String input, String expected) {
    assertEquals(expected, REDACTOR.redact(input));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void literalValues(String input, String expected) {
    assertEquals(expected, REDACTOR.redact(input));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void tokenShapes(String input, String expected) {
    assertEquals(expected, REDACTOR.redact(input));
  }
}
