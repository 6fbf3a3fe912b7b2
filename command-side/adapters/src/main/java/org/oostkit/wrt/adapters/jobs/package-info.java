/** Scheduled jobs: the retention job (warn admins, then erase) and the reconciliation of rounds across modules. */
package org.oostkit.wrt.adapters.jobs;
