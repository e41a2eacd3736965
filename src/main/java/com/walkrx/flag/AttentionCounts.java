package com.walkrx.flag;

/**
 * A clinician's flags that still need attention ({@link FlagService#NEEDS_ATTENTION_SQL}) by tier, and how many
 * of them are acknowledged but not yet resolved.
 */
public record AttentionCounts(long urgent, long high, long advisory, long acknowledged) {

    public long total() {
        return urgent + high + advisory;
    }
}
