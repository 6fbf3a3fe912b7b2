/** Organisation settings pages: the time zone of an organisation and of a campaign. */
package org.oostkit.wrt.web.settings;
