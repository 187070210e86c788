/**
 * Docker for tests: a fast stand-in of Docker's command-line contract that records every call
 * ({@link dev.megaplan.cloud.testkit.docker.DockerStandIn}), and the real engine the tests tagged
 * {@code docker} run against ({@link dev.megaplan.cloud.testkit.docker.DockerEngine}, {@link
 * dev.megaplan.cloud.testkit.docker.EnabledIfDockerEngine}).
 */
package dev.megaplan.cloud.testkit.docker;
