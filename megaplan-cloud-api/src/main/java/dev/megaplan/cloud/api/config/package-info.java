/** The cloud.yaml model: immutable values, names only for secrets, no I/O. */
@ValueStyle
package dev.megaplan.cloud.api.config;

import dev.megaplan.cloud.api.internal.ValueStyle;
