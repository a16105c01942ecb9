/**
 * What the load balancer and an operator need (docs/deployment.md, "Operations"): the management port's
 * liveness/readiness probes and Prometheus metrics, kept off the public port. Metrics are taken from the outside —
 * domain events, a servlet filter, Vaadin's session listeners, an advisor around the audit log — so no feature module
 * knows about them; nobody uses this package.
 */
package org.calibra.operations;
