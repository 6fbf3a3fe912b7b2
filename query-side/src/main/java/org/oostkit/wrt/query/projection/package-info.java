/**
 * The projection rules, one class per read model, over typed rows of their tables: plain Java without
 * database or framework, applied alike by the live processor, the rebuild and the as-of views.
 */
package org.oostkit.wrt.query.projection;
