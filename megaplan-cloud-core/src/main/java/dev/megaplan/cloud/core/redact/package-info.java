/**
 * The redacting output types that every relay of remote output plugs into. Obtain them from a
 * {@link dev.megaplan.cloud.core.Redactor}.
 */
package dev.megaplan.cloud.core.redact;
