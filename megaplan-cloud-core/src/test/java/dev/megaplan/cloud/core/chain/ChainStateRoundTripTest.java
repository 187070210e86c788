package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainStateRoundTripTest {
  private static final String UNKNOWN_OBJECT =
      "{\"b\":[1,2.50,\"s\",null,true,{\"deep\":12345678901234567890}],\"a\":-0.125,\"e\":{}}";

  private static final String DOCUMENT =
      "{\"x_first\": \"before\", \"last_state\": \"running\", \"current_milestone_index\": 1,"
          + " \"x_future\": "
          + UNKNOWN_OBJECT
          + ", \"completed\": [{\"label\": \"m1\", \"plan\": \"m1-plan\", \"extra\": [1, null]}],"
          + " \"metadata\": {\"k\": null, \"n\": 1.0}, \"x_null\": null, \"x_list\": [null, 3]}";

  @Test
  void parseRenderParseGivesAnEqualState() {
    ChainState state = ChainStateJson.parse(DOCUMENT);
    assertEquals(state, ChainStateJson.parse(ChainStateJson.render(state)));
  }

  @Test
  void unknownValuesRenderByteForByte() {
    ChainState state = ChainStateJson.parse(ChainStateJson.render(ChainStateJson.parse(DOCUMENT)));
    assertEquals(UNKNOWN_OBJECT, Json.compact(state.unknownFields().get("x_future")));
    assertEquals("[null,3]", Json.compact(state.unknownFields().get("x_list")));
  }

  @Test
  void unknownNullValuesAreKept() {
    ChainState state = ChainStateJson.parse(DOCUMENT);
    assertTrue(state.unknownFields().containsKey("x_null"));
    assertTrue(ChainStateJson.render(state).contains("\"x_null\": null"));
  }

  @Test
  void unknownFieldsRenderAfterTheKnownOnesInTheirOriginalOrder() {
    JsonNode tree = ChainStateJson.tree(ChainStateJson.parse(DOCUMENT));
    List<String> names = new ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    int known = ChainState.knownFieldNames().size();
    assertEquals(
        List.of("x_first", "x_future", "x_null", "x_list"), names.subList(known, names.size()));
  }

  @Test
  void knownFieldsRenderWithMegaplansNamesOrderAndDefaults() {
    assertEquals(
        "{\"schema_version\":0,\"current_milestone_index\":-1,\"current_plan_name\":null,"
            + "\"last_state\":null,\"pr_number\":null,\"pr_state\":null,\"completed\":[],"
            + "\"branch_head\":null,\"pr_head\":null,\"last_pushed_commit\":null,"
            + "\"dirty_flag\":false,\"sync_state\":null,\"extra_repos\":[],\"chain_session\":null,"
            + "\"resolved_workspace\":null,\"extra_repo_sync\":[],"
            + "\"completion_contract_mode\":\"shadow\",\"full_suite_backstop_mode\":\"shadow\","
            + "\"retry_counts\":{},\"ladder_stage\":{},\"profile_bumps\":{},"
            + "\"robustness_bumps\":{},\"depth_bumps\":{},\"enforce_revise_counts\":{},"
            + "\"metadata\":{}}",
        Json.compact(ChainStateJson.parse("{}")));
  }

  @Test
  void completedEntriesRenderTheirLabelAndOtherFields() {
    JsonNode completed = ChainStateJson.tree(ChainStateJson.parse(DOCUMENT)).get("completed");
    assertEquals(
        "[{\"label\":\"m1\",\"plan\":\"m1-plan\",\"extra\":[1,null]}]", Json.compact(completed));
  }

  @Test
  void freeFormValuesKeepNullsAndExactNumbers() {
    JsonNode metadata = ChainStateJson.tree(ChainStateJson.parse(DOCUMENT)).get("metadata");
    assertEquals("{\"k\":null,\"n\":1.0}", Json.compact(metadata));
  }

  @Test
  void treeFormKeepsTrailingZerosOfDecimals() {
    JsonNode tree = ChainStateJson.tree(ChainStateJson.parse(DOCUMENT));
    assertEquals("2.50", tree.get("x_future").get("b").get(1).toString());
  }

  @Test
  void renderIsIndentedByTwoSpaces() {
    String text = ChainStateJson.render(ChainStateJson.parse("{}"));
    assertTrue(text.startsWith("{\n  \"schema_version\": 0,\n  \"current_milestone_index\": -1,"));
  }

  @Test
  void fromTreeReadsTheSameStateAsParse() {
    JsonNode tree = ChainStateJson.tree(ChainStateJson.parse(DOCUMENT));
    assertEquals(ChainStateJson.parse(DOCUMENT), ChainStateJson.fromTree(tree));
  }

  @Test
  void freeFormValuesCannotBeModifiedThroughTheState() {
    ChainState state = ChainStateJson.parse(DOCUMENT);
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> nested =
        (java.util.Map<String, Object>) state.unknownFields().get("x_future");
    assertThrows(UnsupportedOperationException.class, () -> nested.put("c", 1));
  }

  @Test
  void anUnknownFieldMayNotShadowAKnownOne() {
    assertThrows(
        IllegalStateException.class,
        () -> ChainState.builder().putUnknownFields("last_state", "x").build());
  }
}
