/**
 * A stand-in of the Kubernetes API for tests on loopback: {@link
 * dev.megaplan.cloud.testkit.kubernetes.KubernetesStandIn} serves objects from fabric8's mock
 * server in CRUD mode, plays the StatefulSet controller and kubelet, and answers pod exec over the
 * {@code v4.channel.k8s.io} WebSocket protocol by running each command as a real process here.
 */
package dev.megaplan.cloud.testkit.kubernetes;
