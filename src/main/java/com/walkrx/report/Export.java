package com.walkrx.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A download the caller may have, already audited: its file name, media type, and the body, which reads the
 * database and writes to the stream only when asked (so the rows stream straight into the response).
 */
public record Export(String fileName, String mediaType, Body body) {

    /** Writes the export; called once. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static final String PDF = "application/pdf";
    public static final String CSV = "text/csv;charset=UTF-8";
    public static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";
}
