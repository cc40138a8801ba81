package com.walletcare.bff.api;

/**
 * A request refused at the HTTP edge, before routing (see {@code api.HttpEdge}), or as its body is read (a body not in
 * UTF-8, see {@link StrictJson}); the router's failure handler in {@link ProblemMapper}, or its exception mapper,
 * answers it as {@code code} with {@code detail}.
 */
public class RequestRefusedException extends RuntimeException {

    private final ProblemCode code;

    public RequestRefusedException(ProblemCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}
