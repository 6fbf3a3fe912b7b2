/**
 * The read side, laid out as its design: queries and their views ({@code api} and one package per view),
 * the projection rules per read model ({@code projection}), processing ({@code processing}, {@code rebuild}),
 * sinks ({@code sink}) and exports ({@code export}); of the command side it reads the events only.
 */
package org.oostkit.wrt.query;
