/**
 * Quoting for shell text and literals for JSON/Python snippets: the only functions command builders
 * use to put a value into remote command text.
 */
package dev.megaplan.cloud.core.internal.shell;
