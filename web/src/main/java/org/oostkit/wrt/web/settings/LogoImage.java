package org.oostkit.wrt.web.settings;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;

/**
 * Turns an uploaded logo into the PNG WRT serves: only a real PNG or JPEG (by its bytes, not its name), at most
 * {@link #MAX_BYTES} and {@link #MAX_SIDE} px a side, decoded and drawn anew at most {@link #HEIGHT} px high, so
 * nothing of the uploaded file (metadata, trailing bytes, scripts) is ever served.
 */
final class LogoImage {

    static final int MAX_BYTES = 200 * 1024;
    static final int MAX_SIDE = 1000;
    static final int HEIGHT = 80;

    /** Why an upload was refused: the key of the admin text saying so. */
    static final class Refused extends Exception {
        private final String key;

        Refused(String key) {
            super(key);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    private LogoImage() {
    }

    static OrganisationLogos.Logo read(byte[] upload) throws Refused {
        if (upload == null || upload.length == 0) {
            throw new Refused("logo.error.empty");
        }
        if (upload.length > MAX_BYTES) {
            throw new Refused("logo.error.tooLarge");
        }
        if (looksLikeSvg(upload)) {
            throw new Refused("logo.error.svg");
        }
        if (!isPng(upload) && !isJpeg(upload)) {
            throw new Refused("logo.error.notImage");
        }
        BufferedImage image = decode(upload);
        int height = Math.min(HEIGHT, image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * (double) height / image.getHeight()));
        BufferedImage drawn = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = drawn.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(drawn, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = png.toByteArray();
        return new OrganisationLogos.Logo(bytes, sha256(bytes), width, height);
    }

    /** Reads the size from the header first: a small file must not unpack into a huge image. */
    private static BufferedImage decode(byte[] upload) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refused("logo.error.notImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                if (!format.equals("png") && !format.equals("jpeg")) {
                    throw new Refused("logo.error.notImage");
                }
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    throw new Refused("logo.error.dimensions");
                }
                BufferedImage image = reader.read(0);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new Refused("logo.error.notImage");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            throw new Refused("logo.error.notImage");
        }
    }

    private static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    private static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    private static boolean looksLikeSvg(byte[] b) {
        String start = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return start.contains("<svg") || (start.stripLeading().startsWith("<?xml") && !isPng(b) && !isJpeg(b));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
