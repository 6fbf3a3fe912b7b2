/** Start-up configuration: the database URL, the embedded defaults and the demo organisation. */
package org.oostkit.wrt.web.config;
