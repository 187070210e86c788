/**
 * The redaction engine behind {@link dev.megaplan.cloud.core.Redactor}: the three rules as one
 * scanner over a line, and the bounded line buffering that streams use. Not for embedders.
 */
package dev.megaplan.cloud.core.internal.redact;
