/** How the read side's event processors run: pooled streaming, batched, sequenced per campaign, dead letters. */
package org.oostkit.wrt.query.config;
