package org.oostkit.wrt.query.export;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;

/** The report's fonts, made per report because a PdfFont belongs to one document. */
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
     * The text as Helvetica (WinAnsi) can show it: iText silently drops a missing glyph, so an accent is dropped
     * instead (Ż → Z) and anything else becomes '?', and a reader sees that something is missing.
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
