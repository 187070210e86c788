/**
 * The supervisor's data: what it observed ({@link dev.megaplan.cloud.api.supervisor.Observation}),
 * what it decided ({@link dev.megaplan.cloud.api.supervisor.Decision}) and what it reports.
 * Decisions are data; only the core's effect executor touches the box.
 */
@ValueStyle
package dev.megaplan.cloud.api.supervisor;

import dev.megaplan.cloud.api.internal.ValueStyle;
