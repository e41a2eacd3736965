package com.walkrx.bench;

/**
 * How big and how long: the full run is 500 then 5,000 patients x 365 days; --quick keeps the patient
 * counts (the caseload figure needs both) but few days and short measuring windows.
 */
record Scale(String name, int smallPatients, int largePatients, int days, int readReps, int checkInWarmupSeconds,
             int checkInSeconds, int rawSeconds, int maxRequestsPerLevel, int sessions, int pushTrials) {

    static Scale quick() {
        return new Scale("quick", 500, 5_000, 30, 10, 2, 6, 3, 20_000, 30, 20);
    }

    static Scale full() {
        return new Scale("full", 500, 5_000, 365, 25, 5, 20, 10, 200_000, 40, 20);
    }
}
