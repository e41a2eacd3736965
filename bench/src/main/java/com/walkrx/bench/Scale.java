package com.walkrx.bench;

/**
 * How big and how long: the full run is 500 then 5,000 patients x 365 days, and for the caseload also a network
 * of many patients with a short history (20,000 x 90 days); --quick keeps the patient counts (the caseload figure
 * needs them) but few days and short measuring windows.
 */
record Scale(String name, int smallPatients, int largePatients, int days, int readReps, int checkInWarmupSeconds,
             int checkInSeconds, int rawSeconds, int maxRequestsPerLevel, int sessions, int pushTrials,
             int widePatients, int wideDays) {

    static Scale quick() {
        return new Scale("quick", 500, 5_000, 30, 10, 2, 6, 3, 20_000, 30, 20, 20_000, 7);
    }

    static Scale full() {
        return new Scale("full", 500, 5_000, 365, 25, 5, 20, 10, 200_000, 40, 20, 20_000, 90);
    }
}
