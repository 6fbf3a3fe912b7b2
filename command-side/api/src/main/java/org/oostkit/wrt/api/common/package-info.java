/**
 * Building blocks shared by every message: personal-data markers (crypto-shredding), the rule-violation
 * exceptions commands answer with, and email normalisation.
 */
package org.oostkit.wrt.api.common;
