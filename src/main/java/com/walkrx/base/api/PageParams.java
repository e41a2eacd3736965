package com.walkrx.base.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates ?page=&size= (size at most 200) and turns them into an offset. The offset is computed in long
 * and may be at most {@link #MAX_OFFSET}, so no page number, however large, overflows into a 500.
 */
public final class PageParams {

    public static final int MAX_SIZE = 200;
    /** The furthest row a page may start at (page x size): ten million rows, far past any real list. */
    public static final long MAX_OFFSET = 10_000_000L;

    private PageParams() {
    }

    public static void check(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        } else if (page > 0 && (long) page * size > MAX_OFFSET) {
            problems.add(new FieldProblem("page", "must be at most " + MAX_OFFSET / size + " for size " + size));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** The first row of the page, after {@link #check}: fits an int because it is at most {@link #MAX_OFFSET}. */
    public static int offset(int page, int size) {
        check(page, size);
        return Math.toIntExact((long) page * size);
    }
}
