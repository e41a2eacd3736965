package com.walkrx.report;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Resource;

/**
 * Writes a FHIR R4 Bundle of type collection as JSON while its entries are produced: the envelope is written
 * here and each entry's resource is encoded by HAPI on its own, so memory holds one resource at a time however
 * long the history. Entries are addressed by {@code urn:uuid:} fullUrls, which the references use.
 */
final class FhirBundleWriter implements AutoCloseable {

    /** HAPI's context is expensive to build and thread-safe: one for the application. */
    static final FhirContext FHIR = FhirContext.forR4Cached();

    private final Writer out;
    private final IParser parser = FHIR.newJsonParser();
    private boolean first = true;

    FhirBundleWriter(OutputStream stream, Instant timestamp) throws IOException {
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write("{\"resourceType\":\"Bundle\",\"id\":\"" + UUID.randomUUID() + "\",\"meta\":{\"lastUpdated\":\""
                + timestamp + "\"},\"type\":\"collection\",\"timestamp\":\"" + timestamp + "\",\"entry\":[");
    }

    void add(Resource resource) {
        try {
            out.write(first ? "\n" : ",\n");
            first = false;
            out.write("{\"fullUrl\":\"urn:uuid:" + resource.getIdElement().getIdPart() + "\",\"resource\":");
            parser.encodeResourceToWriter(resource, out);
            out.write('}');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Consumer<Resource> sink() {
        return this::add;
    }

    @Override
    public void close() throws IOException {
        out.write("\n]}\n");
        out.flush();
    }
}
