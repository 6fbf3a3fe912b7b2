/**
 * The projection rules of the tenant read models, one class per read model (campaign summary, roster and
 * referral graph, rounds and contacts), over typed rows of their tables. The live processor, the rebuild and
 * the as-of views all apply them; only where the rows are kept differs ({@code sink}).
 */
package org.oostkit.wrt.query.projection;
