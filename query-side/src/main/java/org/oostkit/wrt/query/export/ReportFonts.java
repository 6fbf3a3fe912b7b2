package org.oostkit.wrt.query.export;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;

/**
 * The report's fonts. A PdfFont belongs to one document, so each report makes its own. The standard
 * Helvetica needs no embedding but covers Western European text (WinAnsi) only: see {@link #printable}.
 */
record ReportFonts(PdfFont regular, PdfFont bold) {

    static ReportFonts helvetica() {
        try {
            return new ReportFonts(PdfFontFactory.createFont(StandardFonts.HELVETICA),
                    PdfFontFactory.createFont(StandardFonts.HELVETICA_BOLD));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text as these fonts can show it. iText silently drops characters a font has no glyph for, which
     * would turn "Łukasz Żółć" into "ukasz ó"; instead an accented letter loses its accent where that helps
     * (Ż → Z) and anything else becomes '?', so a reader sees that something is missing.
     */
    String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (regular.containsGlyph(c)) {
                out.appendCodePoint(c);
                return;
            }
            String base = Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "");
            out.append(!base.isEmpty() && base.codePoints().allMatch(regular::containsGlyph) ? base : "?");
        });
        return out.toString();
    }
}
