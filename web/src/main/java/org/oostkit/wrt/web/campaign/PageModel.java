package org.oostkit.wrt.web.campaign;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A page's typed view (a record whose component names are the template's variable names) as the model map
 * Spring MVC hands to Mustache.
 */
public final class PageModel {

    private PageModel() {
    }

    /** The record's components by name; null ones are left out, as Mustache refuses to print null. */
    public static Map<String, Object> attributes(Record page) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (RecordComponent component : page.getClass().getRecordComponents()) {
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true);
                Object value = accessor.invoke(page);
                if (value != null) {
                    attributes.put(component.getName(), value);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + page.getClass(), e);
            }
        }
        return attributes;
    }
}
