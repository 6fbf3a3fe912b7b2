/** Business counters for Prometheus ({@code /actuator/prometheus}), shared by every web feature. */
package org.oostkit.wrt.web.metrics;
