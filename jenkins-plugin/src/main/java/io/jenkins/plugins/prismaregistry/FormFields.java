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
        Object value = formData.opt(field);
        if (value instanceof String && ((String) value).isBlank()) {
            formData.remove(field);
        }
        return formData;
    }
}
