package com.walkrx.patient;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a JSON string and nothing else: Jackson would otherwise take {@code 442079460000} or {@code true} for a
 * string field as its text. API.md types these fields as strings, so any other value is a 400 naming the field.
 */
class StrictString extends ValueDeserializer<String> {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getString();
        }
        return ctxt.reportInputMismatch(this, "must be a string");
    }
}
