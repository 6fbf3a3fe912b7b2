/** Nominations: the list of people one nominator names in one round, editable while the round is open. */
package org.oostkit.wrt.api.nomination;
