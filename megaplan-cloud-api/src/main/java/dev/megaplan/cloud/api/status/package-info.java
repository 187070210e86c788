/** A remote chain's observed status: the payload of {@code status --chain}, typed. */
@ValueStyle
package dev.megaplan.cloud.api.status;

import dev.megaplan.cloud.api.internal.ValueStyle;
