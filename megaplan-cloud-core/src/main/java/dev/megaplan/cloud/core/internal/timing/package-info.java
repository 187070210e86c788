/**
 * Opt-in phase timing: where one call spends its time (configuration load, provider discovery, SSH
 * key exchange, each exec channel, rendering), for {@code scripts/measure-phases}. Off unless the
 * JVM runs with {@code -Dmegaplan.cloud.timing=true}; see {@link
 * dev.megaplan.cloud.core.internal.timing.PhaseLog}.
 */
package dev.megaplan.cloud.core.internal.timing;
