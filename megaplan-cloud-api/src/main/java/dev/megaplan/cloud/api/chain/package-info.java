/**
 * megaplan's chain formats as the SDK reads them: the chain spec ({@code chain.yaml}), the remote
 * chain state and the summary rendered from both. Immutable values, no I/O.
 */
@ValueStyle
package dev.megaplan.cloud.api.chain;

import dev.megaplan.cloud.api.internal.ValueStyle;
