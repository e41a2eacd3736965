package com.walkrx.base.api;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads a JSON integer and nothing else: Jackson would otherwise turn 4.5 into 4 and "4" into 4, and a
 * pain score or a questionnaire answer of 4.5 is invalid input, not a 4.
 */
public class WholeNumber extends ValueDeserializer<Integer> {

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        return ctxt.reportInputMismatch(this, "must be a whole number");
    }
}
