/** The kubernetes provider's implementation: cluster access, objects, exec, logs and rollout. */
package dev.megaplan.cloud.providers.kubernetes.internal;
