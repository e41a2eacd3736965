package com.walkrx.flag;

import com.walkrx.base.jpa.SequencedEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One piece of a flag's evidence: the check-in (if any) and the values that matched, in words. */
@Entity
@Table(name = "flag_evidence")
@SequenceGenerator(sequenceName = "flag_evidence_seq", allocationSize = 50)
class FlagEvidenceEntry extends SequencedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "flag_id")
    private Flag flag;
    private Long checkInId;
    private String detail;
    private Instant addedAt;

    protected FlagEvidenceEntry() {
    }

    FlagEvidenceEntry(Flag flag, Long checkInId, String detail, Instant addedAt) {
        this.flag = flag;
        this.checkInId = checkInId;
        this.detail = detail;
        this.addedAt = addedAt;
    }

    String detail() {
        return detail;
    }

    boolean sameAs(Long otherCheckInId, String otherDetail) {
        return Objects.equals(checkInId, otherCheckInId) && detail.equals(otherDetail);
    }
}
