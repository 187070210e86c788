package dev.megaplan.cloud.core.internal.yaml;

import dev.megaplan.cloud.api.chain.ChainSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Builds the chain spec that is uploaded: the user's bytes when nothing changes, else a normalized
 * YAML copy of the parsed document with {@code base_branch} added, {@code
 * driver.max_stall_iterations} merged and idea paths rewritten. Key order and unknown keys are
 * kept; comments and formatting are not. Values are written as {@link PyYamlSchema} reads them, so
 * megaplan reads the copy as it would have read the user's file: text that PyYAML would take for a
 * boolean, number or date ({@code 'yes'}, {@code '2024-01-01'}) is quoted.
 */
public final class ChainSpecUploadCopy {
  private ChainSpecUploadCopy() {}

  /**
   * The bytes to upload.
   *
   * @param original the user's file, byte for byte
   * @param spec the spec parsed from {@code original}
   * @param baseBranchIfAbsent the base branch to add when the spec sets none
   * @param maxStallIterations the cloud.yaml driver override, if any
   * @param ideaPathRewriter maps each milestone's {@code idea} to its uploaded path
   * @return {@code original} itself when nothing changes, else the normalized copy (UTF-8)
   */
  public static byte[] build(
      byte[] original,
      ChainSpec spec,
      String baseBranchIfAbsent,
      OptionalInt maxStallIterations,
      UnaryOperator<String> ideaPathRewriter) {
    Map<String, Object> document = mutableMap(spec.document());
    boolean changed = false;
    if (spec.baseBranch().isEmpty()) {
      document.put("base_branch", baseBranchIfAbsent);
      changed = true;
    }
    if (maxStallIterations.isPresent()) {
      changed |= mergeStallLimit(document, maxStallIterations.getAsInt());
    }
    changed |= rewriteIdeas(document, ideaPathRewriter);
    if (!changed) {
      return original;
    }
    return dump(document).getBytes(StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static boolean mergeStallLimit(Map<String, Object> document, int limit) {
    Object driverValue = document.get("driver");
    Map<String, Object> driver =
        driverValue instanceof Map ? (Map<String, Object>) driverValue : new LinkedHashMap<>();
    Object current =
        driver.containsKey("max_stall_iterations")
            ? driver.get("max_stall_iterations")
            : driver.get("stall_threshold");
    boolean hasAlias = driver.containsKey("stall_threshold");
    boolean hasPrimary = driver.containsKey("max_stall_iterations");
    if (current instanceof Number
        && ((Number) current).longValue() == limit
        && !(hasAlias && hasPrimary)) {
      return false;
    }
    Map<String, Object> merged = new LinkedHashMap<>();
    boolean placed = false;
    for (Map.Entry<String, Object> entry : driver.entrySet()) {
      boolean stallKey =
          entry.getKey().equals("max_stall_iterations") || entry.getKey().equals("stall_threshold");
      if (!stallKey) {
        merged.put(entry.getKey(), entry.getValue());
      } else if (!placed) {
        merged.put("max_stall_iterations", limit);
        placed = true;
      }
    }
    if (!placed) {
      merged.put("max_stall_iterations", limit);
    }
    document.put("driver", merged);
    return true;
  }

  @SuppressWarnings("unchecked")
  private static boolean rewriteIdeas(Map<String, Object> document, UnaryOperator<String> rewrite) {
    Object milestones = document.get("milestones");
    if (!(milestones instanceof List)) {
      return false;
    }
    boolean changed = false;
    for (Object item : (List<Object>) milestones) {
      if (item instanceof Map && ((Map<String, Object>) item).get("idea") instanceof String) {
        Map<String, Object> milestone = (Map<String, Object>) item;
        String idea = (String) milestone.get("idea");
        String rewritten = rewrite.apply(idea);
        if (!idea.equals(rewritten)) {
          milestone.put("idea", rewritten);
          changed = true;
        }
      }
    }
    return changed;
  }

  private static String dump(Map<String, Object> document) {
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setSchema(new PyYamlSchema())
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(4096)
            .setSplitLines(false)
            .build();
    return new Dump(settings).dumpToString(document);
  }

  @SuppressWarnings("unchecked")
  private static Object mutableCopy(Object value) {
    if (value instanceof Map) {
      return mutableMap((Map<String, Object>) value);
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<Object>) value) {
        copy.add(mutableCopy(item));
      }
      return copy;
    }
    return value;
  }

  private static Map<String, Object> mutableMap(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> copy.put(key, mutableCopy(value)));
    return copy;
  }
}
