/**
 * The provider SPI: a provider is found by name through {@link java.util.ServiceLoader} (one {@link
 * dev.megaplan.cloud.api.provider.ProviderFactory} per provider, registered under {@code
 * META-INF/services}).
 */
@ValueStyle
package dev.megaplan.cloud.api.provider;

import dev.megaplan.cloud.api.internal.ValueStyle;
