/** JMH benchmarks of the SDK's hot paths. Built only with the {@code bench} profile. */
package dev.megaplan.cloud.benchmarks;
