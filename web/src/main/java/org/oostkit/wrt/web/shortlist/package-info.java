/** The workshop shortlist pages and each person's story (issue #18). */
package org.oostkit.wrt.web.shortlist;
