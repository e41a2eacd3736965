package com.walkrx.outcome;

import java.util.List;

/**
 * The outcome measures WalkRx embeds. Each may be used without a paid licence; the item text is the published
 * wording of the source cited. ODI, RMDQ, PROMIS, STarT Back and STarT MSK are deliberately absent: their owners
 * require a licence or permission for use in a product.
 */
public enum Instrument {

    /**
     * PEG: Krebs EE, Lorenz KA, Bair MJ, et al. Development and initial validation of the PEG, a three-item scale
     * assessing pain intensity and interference. J Gen Intern Med 2009;24(6):733-738. doi:10.1007/s11606-009-0981-1
     */
    PEG("PEG pain scale", "Pain, enjoyment of life and general activity",
            "Krebs EE et al. Development and initial validation of the PEG, a three-item scale assessing pain "
                    + "intensity and interference. J Gen Intern Med 2009;24(6):733-738.",
            List.of(
                    new Item("pain", "What number best describes your pain on average in the past week?",
                            "No pain", "Pain as bad as you can imagine"),
                    new Item("enjoyment", "What number best describes how, during the past week, pain has "
                            + "interfered with your enjoyment of life?", "Does not interfere", "Completely interferes"),
                    new Item("activity", "What number best describes how, during the past week, pain has "
                            + "interfered with your general activity?", "Does not interfere", "Completely interferes"))),

    /**
     * PSFS: Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual patients: a
     * report of a patient specific measure. Physiotherapy Canada 1995;47:258-263.
     */
    PSFS("Patient-Specific Functional Scale", "Activities you find hard",
            "Stratford P, Gill C, Westaway M, Binkley J. Assessing disability and change on individual patients: "
                    + "a report of a patient specific measure. Physiotherapy Canada 1995;47:258-263.",
            List.of(new Item("rating", "Today, are there any activities that you are unable to do or having "
                    + "difficulty with because of your back problem?", "Unable to perform activity",
                    "Able to perform activity at the same level as before injury or problem"))),

    /**
     * GROC, the 15-point global rating of change: Jaeschke R, Singer J, Guyatt GH. Measurement of health status:
     * ascertaining the minimal clinically important difference. Control Clin Trials 1989;10(4):407-415; question
     * as recommended by Kamper SJ, Maher CG, Mackay G. Global rating of change scales: a review of strengths and
     * weaknesses and considerations for design. J Man Manip Ther 2009;17(3):163-170.
     */
    GROC("Global rating of change", "How your back has changed",
            "Jaeschke R, Singer J, Guyatt GH. Measurement of health status: ascertaining the minimal clinically "
                    + "important difference. Control Clin Trials 1989;10:407-415. Question as in Kamper SJ et al., "
                    + "J Man Manip Ther 2009;17(3):163-170.",
            List.of(new Item("change", "With respect to your back problem, how would you describe yourself now "
                    + "compared to when you started your walking plan?", "A very great deal worse",
                    "A very great deal better")));

    /** PSFS: how many activities the patient names at baseline. */
    public static final int PSFS_MIN_ACTIVITIES = 3;
    public static final int PSFS_MAX_ACTIVITIES = 5;
    /** PSFS: the longest activity name. */
    public static final int PSFS_MAX_NAME = 100;

    /** PSFS's instruction at baseline (Stratford 1995, initial assessment, addressed to the patient). */
    public static final String PSFS_BASELINE_INSTRUCTION = "Identify three to five important activities that you "
            + "are unable to do or are having difficulty with as a result of your back problem, and rate each one.";
    /** PSFS's instruction at follow-up (Stratford 1995, follow-up assessments, addressed to the patient). */
    public static final String PSFS_FOLLOW_UP_INSTRUCTION = "When you started, you told us that you had difficulty "
            + "with these activities. Today, do you still have difficulty with them? Rate each one.";

    /** GROC's 15 answers, -7 to +7 (Jaeschke 1989). */
    public static final List<String> GROC_LABELS = List.of(
            "A very great deal worse", "A great deal worse", "A good deal worse", "Moderately worse",
            "Somewhat worse", "A little worse", "A tiny bit worse, almost the same", "About the same",
            "A tiny bit better, almost the same", "A little better", "Somewhat better", "Moderately better",
            "A good deal better", "A great deal better", "A very great deal better");

    /** One question and the words at both ends of its scale. */
    public record Item(String key, String text, String lowAnchor, String highAnchor) {
    }

    private final String label;
    private final String shortLabel;
    private final String citation;
    private final List<Item> items;

    Instrument(String label, String shortLabel, String citation, List<Item> items) {
        this.label = label;
        this.shortLabel = shortLabel;
        this.citation = citation;
        this.items = items;
    }

    public String label() {
        return label;
    }

    /** What the questionnaire is about, in the patient's words. */
    public String shortLabel() {
        return shortLabel;
    }

    /** The published source of the wording, shown on the form. */
    public String citation() {
        return citation;
    }

    public List<Item> items() {
        return items;
    }

    /** The lowest and highest possible score. */
    public int min() {
        return this == GROC ? -7 : 0;
    }

    public int max() {
        return this == GROC ? 7 : 10;
    }

    /** GROC's words for one answer, -7..+7. */
    public static String grocLabel(int change) {
        return GROC_LABELS.get(change + 7);
    }
}
