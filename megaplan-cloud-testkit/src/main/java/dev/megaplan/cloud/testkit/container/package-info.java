/**
 * A runner box in a real container for tests ({@link
 * dev.megaplan.cloud.testkit.container.RunnerBoxContainer}, on Testcontainers).
 */
package dev.megaplan.cloud.testkit.container;
