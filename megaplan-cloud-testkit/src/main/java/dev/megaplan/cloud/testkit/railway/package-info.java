/**
 * Faithful stand-ins of Railway for tests on loopback: {@link
 * dev.megaplan.cloud.testkit.railway.RailwayApiStandIn} answers the GraphQL operations the railway
 * provider sends, {@link dev.megaplan.cloud.testkit.railway.RailwayRelayStandIn} speaks the SSH
 * relay's WebSocket protocol and runs each command as a real process on this machine.
 */
package dev.megaplan.cloud.testkit.railway;
