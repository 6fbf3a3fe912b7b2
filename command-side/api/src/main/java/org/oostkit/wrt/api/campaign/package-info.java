/** Campaigns: settings, the roster of people (seed and nominated) and the start of rounds. */
package org.oostkit.wrt.api.campaign;
