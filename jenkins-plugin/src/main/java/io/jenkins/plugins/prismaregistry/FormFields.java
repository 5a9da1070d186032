package io.jenkins.plugins.prismaregistry;

import net.sf.json.JSONObject;

/** Small fixes to submitted forms before Stapler binds them. */
public final class FormFields {

    private FormFields() {
    }

    /**
     * Drops a field whose value is an empty string, so its setter is not called and the value stays {@code null}.
     * The {@code scanLater} drop-down uses this for "use the global default": Stapler would turn "" into false.
     */
    public static JSONObject dropBlank(JSONObject formData, String field) {
        if (isBlank(formData, field)) {
            formData.remove(field);
        }
        return formData;
    }

    /**
     * Replaces an emptied number field by its default. Stapler binds "" to 0 for an {@code int}, which for a count
     * such as {@code retries} is a real value ("never"), not "default" as the help says.
     */
    public static JSONObject blankToDefault(JSONObject formData, String field, int defaultValue) {
        if (isBlank(formData, field)) {
            formData.put(field, defaultValue);
        }
        return formData;
    }

    private static boolean isBlank(JSONObject formData, String field) {
        Object value = formData.opt(field);
        return value instanceof String && ((String) value).isBlank();
    }
}
