package com.walkrx.base.api;

/** One invalid input field, named as the API names it, e.g. walks[0].painAfter. */
public record FieldProblem(String field, String message) {
}
