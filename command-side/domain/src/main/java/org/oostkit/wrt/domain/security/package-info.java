/**
 * Secrets and the keyed hashes that stand for them: magic-link tokens, verification codes and the
 * derivation of person ids from email addresses. Raw secrets are never recorded.
 */
package org.oostkit.wrt.domain.security;
