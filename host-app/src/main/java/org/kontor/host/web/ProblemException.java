package org.kontor.host.web;

import java.util.Map;

/**
 * Thrown by a handler to answer with a specific problem; the web layer renders it as problem+json for
 * the API and as the themed error page for people.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail));
    }

    public static ProblemException validation(String detail, Map<String, String> errors) {
        return new ProblemException(Problem.of(422, "validation", "Invalid input", detail).withErrors(errors));
    }
}
