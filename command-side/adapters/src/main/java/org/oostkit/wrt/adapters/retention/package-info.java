/** The retention job: warns admins ahead of erasure, then erases completed campaigns past their retention period. */
package org.oostkit.wrt.adapters.retention;
