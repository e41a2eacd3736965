package com.walkrx.base.cluster;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this app instance ({@code walkrx.instance-id}: {@code WALKRX_INSTANCE_ID}, else host name and
 * port), shown in every log line and in PostgreSQL's {@code pg_stat_activity} for the instance's listener.
 */
@Component
public class InstanceId {

    private final String value;

    InstanceId(@Value("${walkrx.instance-id:walkrx}") String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
