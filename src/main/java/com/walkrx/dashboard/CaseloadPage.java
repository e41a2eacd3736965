package com.walkrx.dashboard;

import java.util.List;

/** One page of a caseload and how many patients match in all. */
public record CaseloadPage(List<CaseloadRow> items, long total) {
}
