/**
 * YAML reading for cloud.yaml and chain specs: size- and alias-limited loading through
 * snakeyaml-engine, a node view whose typed accessors fail with the field's dotted path and its
 * {@code (file:LINE:COL)}, and the readers that map documents to the {@code -api} values.
 */
package dev.megaplan.cloud.core.internal.yaml;
