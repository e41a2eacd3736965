package com.walkrx.flag;

import com.walkrx.base.clinical.Tier;
/**
 * The ten see-a-doctor rules of red-flags.md. The codes are part of the product's interface (API,
 * exports, reports): never rename them. Each carries its tier, what it matches, and its basis text.
 */
public enum FlagCode {
    CAUDA_EQUINA_SIGNS(Tier.URGENT, "Cauda equina signs",
            "new bladder or bowel control problems, or saddle numbness",
            "\"bladder control issues requires medical evaluation\"; NICE/CES pathway: emergency"),
    PROGRESSIVE_NEURO_DEFICIT(Tier.URGENT, "Progressive nerve deficit",
            "numbness/tingling WORSENING, or leg weakness NEW or WORSENING, or symptoms in both legs together with "
                    + "any numbness or weakness that is not NONE",
            "\"progressive numbness, tingling, or leg weakness ... immediate medical attention\""),
    FEVER(Tier.HIGH, "Fever",
            "fever",
            "\"back pain accompanied by fever ... requires medical evaluation\"; infection red flag"),
    UNEXPLAINED_WEIGHT_LOSS(Tier.HIGH, "Unexplained weight loss",
            "unexplained weight loss",
            "\"unexplained weight loss ... requires medical evaluation\"; cancer red flag"),
    SEVERE_ACUTE_INJURY(Tier.HIGH, "Severe acute injury",
            "new injury or fall reported, and the day's overall pain >= 7",
            "\"severe acute injury: rest may be necessary before introducing walking\""),
    PAIN_WORSENS_WITH_WALKING(Tier.HIGH, "Pain worsens with walking",
            "among the patient's most recent 5 walks dated within the last 14 days, at least 3 have pain after minus "
                    + "pain before >= 2",
            "\"if walking consistently increases your pain rather than relieving it, consult a healthcare provider\" "
                    + "(2 points = minimal clinically important change)"),
    SURGERY_CLEARANCE_MISSING(Tier.HIGH, "Surgery clearance missing",
            "the patient's surgery date is within the last 12 weeks, no surgeon clearance is recorded, and a plan is "
                    + "active that was not activated with a written override",
            "\"recent surgery: follow your surgeon's specific guidance\""),
    SHARP_OR_SEVERE_PAIN(Tier.ADVISORY, "Sharp or severe pain",
            "a walk with sharp pain, or a walk with pain after >= 7",
            "\"sharp or worsening pain indicates you should reduce intensity or duration\"; walking \"shouldn't cause "
                    + "severe or lasting pain\""),
    PAIN_TREND_RISING(Tier.ADVISORY, "Pain trend rising",
            "the mean overall pain of the last 7 days is at least 2 points above the mean of the 7 days before (each "
                    + "window needs at least 3 check-ins)",
            "\"worsening pain\""),
    MISSED_CHECK_INS(Tier.ADVISORY, "Missed check-ins",
            "an active plan, and no check-in for 3 whole days",
            "adherence; consistency is what helps");

    private final Tier tier;
    private final String label;
    private final String criterion;
    private final String basis;

    FlagCode(Tier tier, String label, String criterion, String basis) {
        this.tier = tier;
        this.label = label;
        this.criterion = criterion;
        this.basis = basis;
    }

    public Tier tier() {
        return tier;
    }

    /** A short name for people: "Cauda equina signs". */
    public String label() {
        return label;
    }

    /** When the rule matches, as red-flags.md words it. */
    public String criterion() {
        return criterion;
    }

    /** The article or guideline basis, as red-flags.md words it. */
    public String basis() {
        return basis;
    }

    public String patientMessage() {
        return tier.patientMessage();
    }
}
