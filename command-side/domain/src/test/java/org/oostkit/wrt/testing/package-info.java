/**
 * Test support shared by every module's tests (published as the domain module's test jar): a fresh
 * PostgreSQL database per run, the test application, and helpers to drive commands and read the store.
 */
package org.oostkit.wrt.testing;
