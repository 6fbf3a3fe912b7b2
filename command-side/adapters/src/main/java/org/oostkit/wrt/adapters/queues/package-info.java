/** What the two lease queues (mail outbox, webhook inbox) share: the backoff between attempts, the worker threads. */
package org.oostkit.wrt.adapters.queues;
