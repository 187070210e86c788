package dev.megaplan.cloud.core.chain;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.core.internal.chain.ChainStateReader;
import dev.megaplan.cloud.core.internal.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and renders megaplan's remote chain state (spec 02).
 *
 * <p>Reading is lenient per field, as megaplan's own is: a field with an unusable value gets its
 * default. In detail: {@code schema_version}, {@code current_milestone_index} and {@code pr_number}
 * accept a JSON integer, a number (truncated toward zero) or a string of digits; string fields
 * accept only strings ({@code chain_session} and {@code resolved_workspace} only non-blank ones);
 * {@code dirty_flag} accepts only a JSON boolean; {@code completed} keeps the objects whose {@code
 * label} is a string and drops other entries; {@code extra_repos} must be a list of non-empty
 * strings or is dropped whole; {@code retry_counts} / {@code enforce_revise_counts} keep the
 * entries with an integer value and the other maps the entries with a string value; {@code
 * completion_contract_mode} / {@code full_suite_backstop_mode} keep any non-blank string
 * (megaplan's set of modes varies between versions) and default to {@code shadow}. Fields the state
 * does not model are kept, values unchanged, and rendered back after the known ones.
 *
 * <p>What is not lenient: a document that is not JSON (including trailing garbage after the value)
 * or whose top level is not an object is a {@link ErrorCode#PROVIDER_FAILED} failure whose message
 * starts with {@code "Remote chain state was not valid JSON: "}.
 *
 * <p>Numbers in free-form parts are read exactly ({@code 2.50} stays {@code 2.50}, big integers
 * stay whole); a number written with an exponent is rendered in Java's {@code BigDecimal} form
 * ({@code 1e5} becomes {@code 1E+5}).
 */
public final class ChainStateJson {
  private static final String NOT_JSON = "Remote chain state was not valid JSON: ";

  private static final ObjectReader READER =
      Json.mapper()
          .readerFor(Object.class)
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final ObjectReader TREE_READER =
      Json.mapper()
          .reader()
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

  private ChainStateJson() {}

  /**
   * Parses a chain-state file's text.
   *
   * @param json the file's content
   * @return the state
   * @throws CloudException {@link ErrorCode#PROVIDER_FAILED} when the text is not JSON or not a
   *     JSON object
   */
  public static ChainState parse(String json) {
    Objects.requireNonNull(json, "json");
    Object raw;
    try {
      raw = READER.readValue(json);
    } catch (JsonProcessingException e) {
      throw new CloudException(ErrorCode.PROVIDER_FAILED, NOT_JSON + describe(e), Map.of(), e);
    }
    return fromValue(raw);
  }

  /**
   * Reads a chain state that is already a JSON tree (for example one field of a batched probe's
   * output).
   *
   * @param tree the state object
   * @return the state
   * @throws CloudException {@link ErrorCode#PROVIDER_FAILED} when the tree is not a JSON object
   */
  public static ChainState fromTree(JsonNode tree) {
    Objects.requireNonNull(tree, "tree");
    if (!tree.isObject()) {
      throw notAnObject(kind(tree));
    }
    try {
      return fromValue(READER.readValue(tree));
    } catch (IOException e) {
      throw new CloudException(ErrorCode.PROVIDER_FAILED, NOT_JSON + e.getMessage(), Map.of(), e);
    }
  }

  /**
   * Renders a state as pretty JSON (two-space indent, like megaplan's own file), known fields
   * first, unknown fields after them in their original order.
   *
   * @param state the state
   * @return the JSON text, without a trailing newline
   */
  public static String render(ChainState state) {
    return Json.pretty(state);
  }

  /**
   * Renders a state as a JSON tree, for embedding in a larger payload; numbers keep their exact
   * form.
   *
   * @param state the state
   * @return the object node
   */
  public static JsonNode tree(ChainState state) {
    try {
      return TREE_READER.readTree(Json.compact(state));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("rendered chain state did not read back", e);
    }
  }

  @SuppressWarnings("unchecked")
  private static ChainState fromValue(Object raw) {
    if (!(raw instanceof Map)) {
      throw notAnObject(kind(raw));
    }
    return ChainStateReader.read((Map<String, Object>) raw);
  }

  private static CloudException notAnObject(String found) {
    return new CloudException(
        ErrorCode.PROVIDER_FAILED, NOT_JSON + "expected a JSON object, found " + found);
  }

  private static String kind(JsonNode node) {
    if (node.isArray()) {
      return "an array";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isNumber() ? "a number" : "null";
  }

  private static String kind(Object raw) {
    if (raw == null) {
      return "null";
    }
    if (raw instanceof List) {
      return "an array";
    }
    if (raw instanceof String) {
      return "a string";
    }
    if (raw instanceof Boolean) {
      return "a boolean";
    }
    return "a number";
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String message = e.getOriginalMessage();
    return at == null
        ? message
        : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }
}
