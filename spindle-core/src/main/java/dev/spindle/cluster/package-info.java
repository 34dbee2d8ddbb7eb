/**
 * The cluster context: {@link dev.spindle.cluster.Cluster} says where a cluster's Redis is, and
 * {@link dev.spindle.cluster.Worker} runs a worker host that takes its tasks. Pools and executors
 * come from {@code Cluster.context()}, as from any {@link dev.spindle.Context}.
 */
package dev.spindle.cluster;
