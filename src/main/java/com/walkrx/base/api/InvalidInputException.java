package com.walkrx.base.api;

import java.util.List;

/** Input that breaks a rule; each problem names its field. Nothing is stored. */
public class InvalidInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    /** An error list holds at most this many problems (issue 12): a huge bad body gets a bounded reply. */
    public static final int MAX_PROBLEMS = 50;

    public InvalidInputException(List<FieldProblem> problems) {
        this(List.copyOf(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems), true);
    }

    private InvalidInputException(List<FieldProblem> capped, boolean unused) {
        super(capped.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.problems = capped;
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
