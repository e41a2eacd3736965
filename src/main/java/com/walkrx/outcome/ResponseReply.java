package com.walkrx.outcome;

import java.math.BigDecimal;

/** What a stored response returns (API.md: {@code 201 {id, instrument, score}}), plus the change it shows. */
public record ResponseReply(long id, Instrument instrument, BigDecimal score, BigDecimal baseline, BigDecimal change,
                            boolean importantImprovement) {
}
