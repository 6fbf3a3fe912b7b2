/** What an organisation or campaign page is about, looked up and checked once before the handler runs. */
package org.oostkit.wrt.web.scope;
