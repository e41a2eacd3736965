package com.walkrx.base.api;

import java.util.ArrayList;
import java.util.List;

/** Validates ?page=&size= (size at most 200). */
public final class PageParams {

    public static final int MAX_SIZE = 200;

    private PageParams() {
    }

    public static void check(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
