package com.walkrx.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an ISO-8601 local date ("2026-11-29"). A malformed date is reported as a mismatch of this field, so
 * the problem names the field (the parse exception underneath would otherwise hide which field it was).
 */
class IsoDate extends ValueDeserializer<LocalDate> {

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return LocalDate.parse(p.getString());
            } catch (DateTimeParseException e) {
                // fall through to the mismatch below
            }
        }
        return ctxt.reportInputMismatch(this, "must be a date like 2026-11-29");
    }
}
