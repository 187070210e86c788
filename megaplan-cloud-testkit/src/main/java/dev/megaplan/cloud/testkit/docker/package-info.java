/**
 * A faithful stand-in of Docker's command-line contract ({@link
 * dev.megaplan.cloud.testkit.docker.DockerStandIn}) for tests on machines without a Docker engine.
 */
package dev.megaplan.cloud.testkit.docker;
