/** The web application: entry point, controllers, templates, security and configuration. */
package org.oostkit.wrt.web;
