package org.oostkit.wrt.web.i18n;

import java.io.IOException;
import java.util.Properties;

/** The admin bundles as tests in other packages read them. */
public final class AdminTextsTestAccess {

    private AdminTextsTestAccess() {
    }

    public static Properties bundle(String suffix) throws IOException {
        return AdminTextsTest.bundle(suffix);
    }
}
